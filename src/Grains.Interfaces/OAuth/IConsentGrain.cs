namespace HaloMcp.Grains.OAuth;

/// <summary>
/// One visit of the consent page (key: a random consent id). Every change is one grain turn, so a consent completes at
/// most once however many submissions race. Persisted in <see cref="OAuthStorage.Name"/>. A cancellation token only stops the caller waiting: a change whose turn has begun is made whole.
/// </summary>
[Alias("halo.IConsentGrain")]
public interface IConsentGrain : IGrainWithStringKey
{
    /// <summary>Records a new consent; false when the id is taken.</summary>
    [Alias("Start")]
    Task<bool> StartAsync(ConsentRecord record, CancellationToken cancellationToken);

    /// <summary>The consent while it can still be used (not expired, completed or locked), else null.</summary>
    [ReadOnly]
    [Alias("Get")]
    Task<ConsentRecord?> GetAsync(CancellationToken cancellationToken);

    /// <summary>Counts a failed sign-in; at <paramref name="limit"/> failures the consent locks. Answers whether it is locked.</summary>
    [Alias("Fail")]
    Task<bool> FailAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a pending consent to "awaiting the HaloPSA sign-in of <paramref name="tenantId"/>"; false when it is not
    /// pending any more.
    /// </summary>
    [Alias("AwaitHaloSignIn")]
    Task<bool> AwaitHaloSignInAsync(string tenantId, bool readOnly, CancellationToken cancellationToken);

    /// <summary>
    /// Completes the consent once: answers it as it was just before (so the caller knows what was agreed), or null
    /// when it was already completed, locked or expired, or not in <paramref name="expected"/>.
    /// </summary>
    [Alias("Complete")]
    Task<ConsentRecord?> CompleteAsync(ConsentStage expected, CancellationToken cancellationToken);
}
