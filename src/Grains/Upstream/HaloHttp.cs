namespace HaloMcp.Grains.Upstream;

/// <summary>The named <see cref="System.Net.Http.HttpClient"/> every HaloPSA request goes through.</summary>
public static class HaloHttp
{
    /// <summary>The client's name in <see cref="IHttpClientFactory"/>.</summary>
    public const string ClientName = "HaloPSA";
}
