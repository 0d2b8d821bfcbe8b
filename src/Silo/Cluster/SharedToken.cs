namespace HaloMcp.Silo.Cluster;

/// <summary>An OAuth access token as the cluster shares it.</summary>
/// <param name="AccessToken">The bearer token. Never logged.</param>
/// <param name="ExpiresAt">When HaloPSA stops accepting it.</param>
/// <param name="Scope">The scopes HaloPSA granted.</param>
public sealed record SharedToken(string AccessToken, DateTimeOffset ExpiresAt, string Scope)
{
    /// <summary>Redacts the token value.</summary>
    public override string ToString() => $"SharedToken {{ AccessToken = ***, ExpiresAt = {ExpiresAt:O}, Scope = {Scope} }}";
}
