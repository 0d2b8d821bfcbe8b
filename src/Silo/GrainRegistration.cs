using System.Collections.Frozen;
using System.Reflection;
using HaloMcp.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace HaloMcp.Silo;

/// <summary>One grain contract bound to its implementation, as registered with <see cref="SiloBuilder.AddGrain{TInterface, TImplementation}"/>.</summary>
internal sealed record GrainRegistration(Type InterfaceType, Type ImplementationType);

/// <summary>The grain registrations collected while the service collection is built.</summary>
internal sealed class GrainRegistry
{
    public List<GrainRegistration> Registrations { get; } = [];
}

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

/// <summary>Call counters for one grain method (overloads share one).</summary>
internal sealed class GrainMethodCounters(string method)
{
    private long _calls;
    private long _errors;
    private long _durationTicks;

    public string Method { get; } = method;

    public void Record(bool failed, TimeSpan duration)
    {
        Interlocked.Increment(ref _calls);
        if (failed)
        {
            Interlocked.Increment(ref _errors);
        }

        Interlocked.Add(ref _durationTicks, duration.Ticks);
    }

    public GrainMethodStatistics Snapshot() => new(
        Method, Volatile.Read(ref _calls), Volatile.Read(ref _errors), TimeSpan.FromTicks(Volatile.Read(ref _durationTicks)));
}

/// <summary>The dispatch table of one grain interface: its implementation and a compiled invoker per method.</summary>
internal sealed class GrainInterfaceMap
{
    public GrainInterfaceMap(Type interfaceType, GrainTypeInfo grainType)
    {
        InterfaceType = interfaceType;
        GrainType = grainType;
        var methods = new Dictionary<MethodInfo, GrainMethod>();
        foreach (var type in interfaceType.GetInterfaces().Append(interfaceType))
        {
            foreach (var method in type.GetMethods())
            {
                methods[method] = GrainMethod.Create(interfaceType, method, grainType);
            }
        }

        Methods = methods.ToFrozenDictionary();
    }

    public Type InterfaceType { get; }

    public GrainTypeInfo GrainType { get; }

    public FrozenDictionary<MethodInfo, GrainMethod> Methods { get; }

    public static bool IsGrainInterface(Type type) => type.IsInterface && typeof(IGrainWithStringKey).IsAssignableFrom(type);
}
