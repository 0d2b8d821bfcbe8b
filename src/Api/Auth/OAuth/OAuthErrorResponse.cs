using System.Text.Json.Serialization;

namespace HaloMcp.Api.Auth.OAuth;

/// <summary>An error response (RFC 6749 §5.2, RFC 7591 §3.2.2).</summary>
internal sealed record OAuthErrorResponse(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description);
