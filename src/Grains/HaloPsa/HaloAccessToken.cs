namespace HaloMcp.Grains.HaloPsa;

/// <summary>A bearer token issued by HaloPSA's authorisation server.</summary>
/// <param name="Value">The bearer value sent as <c>Authorization: Bearer …</c>; never logged or shown.</param>
/// <param name="ExpiresAt">When HaloPSA stops accepting it (issue time + <c>expires_in</c>).</param>
/// <param name="Scope">The scopes HaloPSA granted.</param>
[GenerateSerializer, Immutable, Alias("halo.HaloPsa.HaloAccessToken")]
public sealed record HaloAccessToken(string Value, DateTimeOffset ExpiresAt, string Scope)
{
    /// <summary>Describes the token without its value.</summary>
    public override string ToString() => $"HaloAccessToken {{ Value = ***, ExpiresAt = {ExpiresAt:O}, Scope = {Scope} }}";
}
