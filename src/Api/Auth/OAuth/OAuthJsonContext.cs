using System.Text.Json.Serialization;

namespace HaloMcp.Api.Auth.OAuth;

/// <summary>The authorization server's JSON, source-generated.</summary>
[JsonSerializable(typeof(AuthorizationServerMetadata))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(OAuthErrorResponse))]
[JsonSerializable(typeof(ClientRegistrationResponse))]
internal sealed partial class OAuthJsonContext : JsonSerializerContext;
