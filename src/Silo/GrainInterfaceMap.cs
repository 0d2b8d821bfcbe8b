using System.Collections.Frozen;
using System.Reflection;
using HaloMcp.Grains;

namespace HaloMcp.Silo;

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
