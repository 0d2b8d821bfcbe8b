using HaloMcp.Grains.Errors;

namespace HaloMcp.Grains.Activation;

/// <summary>
/// What ticket and client grains share: a key of the entity id with the tenant id as key extension, a place in the
/// tenant's bounded set of entity activations on this silo, and no activation kept for an entity HaloPSA does not have.
/// </summary>
/// <param name="activations">This silo's entity activations per tenant.</param>
public abstract class EntityGrain(EntityActivations activations) : Grain
{
    private EntityActivations.Slot? _slot;

    /// <summary>The tenant (the key extension).</summary>
    protected string TenantId { get; private set; } = string.Empty;

    /// <summary>The entity's HaloPSA id (the key).</summary>
    protected int EntityId { get; private set; }

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        EntityId = checked((int)this.GetPrimaryKeyLong(out var tenantId));
        TenantId = tenantId ?? throw new InvalidOperationException($"A {GetType().Name}'s key carries its tenant id as key extension.");
        _slot = activations.Add(TenantId, GrainContext);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _slot?.Remove();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs one call of this entity: it becomes the tenant's most recently used, and when HaloPSA says the entity does
    /// not exist the activation goes at once (an id that does not exist costs no memory; its next call asks again).
    /// </summary>
    protected async Task<T> UseAsync<T>(Func<Task<T>> call)
    {
        _slot?.Touch();
        try
        {
            return await call();
        }
        catch (HaloOperationException ex) when (ex.Kind == HaloFailureKind.NotFound)
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
