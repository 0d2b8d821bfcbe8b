using HaloMcp.Grains;

namespace HaloMcp.Silo;

/// <summary>
/// The base class of every grain implementation (Orleans' <c>Grain</c>). The silo creates one instance per activation
/// through dependency injection, so constructors may take services; it calls one method at a time on it unless the
/// method is marked <see cref="ReadOnlyAttribute"/> or <see cref="AlwaysInterleaveAttribute"/>.
/// </summary>
public abstract class Grain
{
    private readonly GrainActivation _activation;

    /// <summary>Binds the new instance to the activation the silo is creating.</summary>
    /// <exception cref="InvalidOperationException">The grain is constructed outside the silo.</exception>
    protected Grain()
    {
        _activation = GrainActivation.Constructing ?? throw new InvalidOperationException(
            "Grains are created by the silo on their first call; obtain one through IGrainFactory.GetGrain instead of constructing it.");
    }

    /// <summary>This grain's identity: grain type and key.</summary>
    public GrainId GrainId => _activation.Id;

    /// <summary>This grain's string key (Orleans' <c>this.GetPrimaryKeyString()</c>).</summary>
    public string GetPrimaryKeyString() => _activation.Id.Key;

    /// <summary>The silo's clock; use it instead of <see cref="DateTimeOffset.UtcNow"/> so tests can control time.</summary>
    protected TimeProvider TimeProvider => _activation.Runtime.TimeProvider;

    /// <summary>The factory for references to other grains.</summary>
    protected IGrainFactory GrainFactory => _activation.Runtime;

    /// <summary>
    /// Runs once when the activation is created, before its first call. If it throws, the calls waiting for the
    /// activation fail and the next call tries a fresh activation.
    /// </summary>
    /// <param name="cancellationToken">Cancelled when the silo is forced to stop.</param>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Runs once when the activation is deactivated (idle, on request or at shutdown), after its last call. No call
    /// runs on this instance afterwards; calls that arrive meanwhile go to a fresh activation.
    /// </summary>
    /// <param name="reason">Why the activation is being deactivated.</param>
    /// <param name="cancellationToken">Cancelled when the silo is forced to stop.</param>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Deactivates this activation as soon as the current turn ends; calls queued behind it are served by a fresh
    /// activation.
    /// </summary>
    protected void DeactivateOnIdle() => _activation.RequestDeactivateOnIdle();
}
