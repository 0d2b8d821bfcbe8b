namespace HaloMcp.Grains.Upstream;

/// <summary>The named <see cref="System.Net.Http.HttpClient"/>s HaloPSA requests go through.</summary>
public static class HaloHttp
{
    /// <summary>API requests: the admission handler (permit and token per attempt), then the attempt timeout.</summary>
    public const string ClientName = "HaloPSA";

    /// <summary>Token requests to the authorisation server: no admission (they need no token and spend no budget).</summary>
    public const string TokenClientName = "HaloPSA.Auth";
}
