using System.Reflection;

namespace HaloMcp.Silo;

/// <summary>
/// The reference a caller holds for one grain: a <see cref="DispatchProxy"/> implementing the grain interface that
/// turns each interface call into a grain call. Holding one activates nothing.
/// </summary>
// DispatchProxy derives a generated class from this one, so it cannot be sealed.
internal class GrainProxy : DispatchProxy
{
    private SiloRuntime? _runtime;
    private GrainInterfaceMap? _map;
    private GrainId _id;

    public void Bind(SiloRuntime runtime, GrainInterfaceMap map, GrainId id)
    {
        _runtime = runtime;
        _map = map;
        _id = id;
    }

    /// <inheritdoc />
    public override string ToString() => $"{_map?.InterfaceType.Name} reference to {_id}";

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod is null || _map is null || !_map.Methods.TryGetValue(targetMethod, out var method))
        {
            throw new NotSupportedException($"{targetMethod?.Name} is not a grain method of {_map?.InterfaceType.Name}.");
        }

        return method.Dispatch(_runtime!, _id, args ?? []);
    }
}
