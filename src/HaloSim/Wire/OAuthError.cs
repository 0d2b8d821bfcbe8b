using System.Text.Json.Serialization;

namespace HaloMcp.HaloSim.Wire;

/// <summary>An OAuth-style error body (<c>{"error":"invalid_client"}</c>); also HaloPSA's 429 body shape.</summary>
internal sealed record OAuthError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description = null);
