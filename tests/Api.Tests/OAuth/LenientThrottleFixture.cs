namespace HaloMcp.Api.Tests.OAuth;

/// <summary>A host whose address throttle is high enough for a class of tests that are refused on purpose.</summary>
public sealed class LenientThrottleFixture : OAuthHostFixture
{
    protected override string[] Args => ["--Mcp:AuthFailureLimit=1000"];
}
