namespace HaloMcp.Grains.OAuth;

/// <summary>
/// One visit of the consent page. Only hashes of its secrets are kept: the browser-binding value (an HttpOnly cookie
/// set when the page was shown) and the form token (the page's anti-forgery field).
/// </summary>
/// <param name="Request">The authorization request it answers.</param>
/// <param name="BrowserBindingHash">SHA-256 of the cookie value that ties it to the browser that loaded the page.</param>
/// <param name="FormTokenHash">SHA-256 of the form's anti-forgery token.</param>
/// <param name="ExpiresAt">When it stops being usable.</param>
/// <param name="Stage">Where it stands.</param>
/// <param name="FailedAttempts">Failed sign-ins so far.</param>
/// <param name="TenantId">The tenant whose HaloPSA the person went to sign in to, while <see cref="ConsentStage.AwaitingHaloSignIn"/>.</param>
/// <param name="ReadOnly">Whether the person asked for read-only access.</param>
[GenerateSerializer, Immutable, Alias("halo.OAuth.ConsentRecord")]
public sealed record ConsentRecord(
    AuthorizationRequest Request,
    byte[] BrowserBindingHash,
    byte[] FormTokenHash,
    DateTimeOffset ExpiresAt,
    ConsentStage Stage = ConsentStage.Pending,
    int FailedAttempts = 0,
    string? TenantId = null,
    bool ReadOnly = false);
