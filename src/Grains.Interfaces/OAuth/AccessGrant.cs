namespace HaloMcp.Grains.OAuth;

/// <summary>What a valid access token stands for.</summary>
/// <param name="GrantId">The grant (one sign-in of one client).</param>
/// <param name="Subject">Who it acts for.</param>
/// <param name="ClientId">The client it was issued to.</param>
/// <param name="Scope">Its scopes.</param>
/// <param name="Resource">The resource it is bound to.</param>
/// <param name="ExpiresAt">When it expires.</param>
[GenerateSerializer, Immutable, Alias("halo.OAuth.AccessGrant")]
public sealed record AccessGrant(string GrantId, GrantSubject Subject, string ClientId, string Scope, string Resource, DateTimeOffset ExpiresAt);
