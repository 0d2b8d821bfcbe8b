namespace HaloMcp.Grains.OAuth;

/// <summary>
/// The answer to a token request: the scope of the tokens issued, or the RFC 6749 §5.2 / RFC 8707 error
/// (<c>invalid_grant</c>, <c>invalid_scope</c>, <c>invalid_target</c>) and a description safe to show.
/// </summary>
/// <param name="Error">The error code, or null on success.</param>
/// <param name="Description">Why, on failure.</param>
/// <param name="Scope">The access token's scope, on success.</param>
[GenerateSerializer, Immutable, Alias("halo.OAuth.GrantOutcome")]
public sealed record GrantOutcome(string? Error, string? Description, string? Scope)
{
    /// <summary>A success.</summary>
    public static GrantOutcome Issued(string scope) => new(null, null, scope);

    /// <summary>A refusal.</summary>
    public static GrantOutcome Refused(string error, string description) => new(error, description, null);
}
