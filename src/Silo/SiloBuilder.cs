using HaloMcp.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace HaloMcp.Silo;

/// <summary>Registers grains with the silo; returned by <c>services.AddSilo()</c>.</summary>
public sealed class SiloBuilder
{
    private readonly GrainRegistry _registry;

    internal SiloBuilder(IServiceCollection services, GrainRegistry registry)
    {
        Services = services;
        _registry = registry;
    }

    /// <summary>The service collection the silo is registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Binds grain contract <typeparamref name="TInterface"/> to implementation <typeparamref name="TImplementation"/>:
    /// <c>GetGrain&lt;TInterface&gt;(key)</c> then reaches one activation of <typeparamref name="TImplementation"/> per key.
    /// </summary>
    /// <typeparam name="TInterface">The grain contract; its methods return tasks and may take a trailing <see cref="CancellationToken"/>.</typeparam>
    /// <typeparam name="TImplementation">The grain class, created through dependency injection.</typeparam>
    /// <returns>This builder, for chaining.</returns>
    public SiloBuilder AddGrain<TInterface, TImplementation>()
        where TInterface : class, IGrainWithStringKey
        where TImplementation : Grain, TInterface
    {
        if (!typeof(TInterface).IsInterface)
        {
            throw new ArgumentException($"{typeof(TInterface).Name} must be an interface.", nameof(TInterface));
        }

        _registry.Registrations.RemoveAll(r => r.InterfaceType == typeof(TInterface));
        _registry.Registrations.Add(new GrainRegistration(typeof(TInterface), typeof(TImplementation)));
        return this;
    }
}
