using System.Collections.Frozen;
using Microsoft.Extensions.DependencyInjection;

namespace HaloMcp.Silo;

/// <summary>What the silo knows about one grain implementation class: how to create it and its counters.</summary>
internal sealed class GrainTypeInfo
{
    private readonly Dictionary<string, GrainMethodCounters> _methodCounters = new(StringComparer.Ordinal);
    private long _activations;
    private long _created;
    private long _collected;

    public GrainTypeInfo(Type implementationType)
    {
        ImplementationType = implementationType;
        Name = implementationType.Name;
        Factory = ActivatorUtilities.CreateFactory(implementationType, Type.EmptyTypes);
        TypeTag = new KeyValuePair<string, object?>("grain.type", Name);
    }

    public string Name { get; }

    public Type ImplementationType { get; }

    public ObjectFactory Factory { get; }

    public KeyValuePair<string, object?> TypeTag { get; }

    public long Activations => Volatile.Read(ref _activations);

    // Called while the silo is being built, before any call runs, so no lock is needed.
    public GrainMethodCounters CountersFor(string method)
    {
        if (!_methodCounters.TryGetValue(method, out var counters))
        {
            counters = new GrainMethodCounters(method);
            _methodCounters.Add(method, counters);
        }

        return counters;
    }

    public void OnActivated() => Interlocked.Increment(ref _activations);

    public void OnCreated() => Interlocked.Increment(ref _created);

    public void OnDeactivated()
    {
        Interlocked.Decrement(ref _activations);
        Interlocked.Increment(ref _collected);
    }

    public GrainTypeStatistics Snapshot() => new(
        Name,
        Volatile.Read(ref _activations),
        Volatile.Read(ref _created),
        Volatile.Read(ref _collected),
        _methodCounters.Values.Select(m => m.Snapshot()).ToFrozenDictionary(m => m.Method, StringComparer.Ordinal));
}
