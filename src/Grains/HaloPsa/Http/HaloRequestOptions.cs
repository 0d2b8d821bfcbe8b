using HaloMcp.Grains.HaloPsa.Resilience;

namespace HaloMcp.Grains.HaloPsa.Http;

/// <summary>What <see cref="HaloApiClient"/> tells the HaloPSA pipeline's handlers about each attempt.</summary>
public static class HaloRequestOptions
{
    /// <summary>The tenant whose budget and token admit the request (set when the client belongs to a tenant).</summary>
    public static readonly HttpRequestOptionsKey<string> Tenant = new("halo.tenant");

    /// <summary>The call the attempt belongs to: its kind, path, deadline, and what the transport did with it.</summary>
    internal static readonly HttpRequestOptionsKey<HaloAttemptState> Attempt = new("halo.attempt");
}
