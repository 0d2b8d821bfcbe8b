using Microsoft.Extensions.Options;

namespace HaloMcp.Grains.Activation;

/// <summary>
/// This silo's ticket and client activations per tenant, in least-recently-used order, bounded by
/// <see cref="EntityActivationOptions.MaxPerTenantPerSilo"/>: a tenant past its bound loses its least recently used
/// activation. Activations from many grains' schedulers meet here, so it takes a lock (held for list operations only).
/// </summary>
/// <param name="options">The bound.</param>
public sealed class EntityActivations(IOptions<EntityActivationOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedList<IGrainContext>> _tenants = new(StringComparer.Ordinal);

    /// <summary>Entity activations on this silo, all tenants together.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _tenants.Values.Sum(list => list.Count);
            }
        }
    }

    /// <summary>Registers a new activation of <paramref name="tenantId"/>; keep the slot and touch it on every call.</summary>
    public Slot Add(string tenantId, IGrainContext activation)
    {
        IGrainContext? evicted = null;
        LinkedListNode<IGrainContext> node;
        lock (_gate)
        {
            if (!_tenants.TryGetValue(tenantId, out var list))
            {
                list = new LinkedList<IGrainContext>();
                _tenants[tenantId] = list;
            }

            node = list.AddLast(activation);
            if (list.Count > Math.Max(1, options.Value.MaxPerTenantPerSilo))
            {
                evicted = list.First!.Value;
                list.RemoveFirst();
            }
        }

        evicted?.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "The tenant holds its maximum of entity activations on this silo; the least recently used goes."));
        return new Slot(this, tenantId, node);
    }

    private void Touch(LinkedListNode<IGrainContext> node)
    {
        lock (_gate)
        {
            if (node.List is { } list && list.Last != node)
            {
                list.Remove(node);
                list.AddLast(node);
            }
        }
    }

    private void Remove(string tenantId, LinkedListNode<IGrainContext> node)
    {
        lock (_gate)
        {
            if (node.List is { } list)
            {
                list.Remove(node);
                if (list.Count == 0)
                {
                    _tenants.Remove(tenantId);
                }
            }
        }
    }

    /// <summary>One activation's place in its tenant's order.</summary>
    public sealed class Slot
    {
        private readonly EntityActivations _owner;
        private readonly string _tenantId;
        private readonly LinkedListNode<IGrainContext> _node;

        internal Slot(EntityActivations owner, string tenantId, LinkedListNode<IGrainContext> node)
        {
            _owner = owner;
            _tenantId = tenantId;
            _node = node;
        }

        /// <summary>The activation was just used: it is the tenant's most recently used.</summary>
        public void Touch() => _owner.Touch(_node);

        /// <summary>The activation is going away.</summary>
        public void Remove() => _owner.Remove(_tenantId, _node);
    }
}
