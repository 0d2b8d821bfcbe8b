namespace HaloMcp.Silo;

/// <summary>One grain contract bound to its implementation, as registered with <see cref="SiloBuilder.AddGrain{TInterface, TImplementation}"/>.</summary>
internal sealed record GrainRegistration(Type InterfaceType, Type ImplementationType);
