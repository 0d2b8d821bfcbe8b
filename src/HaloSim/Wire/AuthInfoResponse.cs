using System.Text.Json.Serialization;

namespace HaloMcp.HaloSim.Wire;

/// <summary>The anonymous <c>/api/authinfo</c> answer used for token-endpoint discovery.</summary>
internal sealed record AuthInfoResponse(
    [property: JsonPropertyName("auth_url")] string AuthUrl,
    [property: JsonPropertyName("tenant_id")] string TenantId);
