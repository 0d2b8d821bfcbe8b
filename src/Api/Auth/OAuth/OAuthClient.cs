namespace HaloMcp.Api.Auth.OAuth;

/// <summary>An MCP client as the authorization server knows it: registered dynamically, or by its metadata document.</summary>
/// <param name="ClientId">Its client id (for a metadata document, the document's URL).</param>
/// <param name="Name">The name it gave itself (unverified).</param>
/// <param name="RedirectUris">Its redirect URIs.</param>
/// <param name="SecretHash">SHA-256 of its secret when it is confidential; null for a public client.</param>
/// <param name="FromMetadataDocument">Whether it is identified by a client ID metadata document.</param>
internal sealed record OAuthClient(string ClientId, string? Name, IReadOnlyList<string> RedirectUris, byte[]? SecretHash, bool FromMetadataDocument);
