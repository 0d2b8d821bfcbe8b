using HaloMcp.Grains.Activation;
using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.Tenancy;
using HaloMcp.HaloSim;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>What a <see cref="GrainLayerRig"/> starts: simulated instances (one tenant each) and the grains' options.</summary>
public sealed class GrainLayerRigOptions
{
    /// <summary>The simulated HaloPSA instances; each becomes a tenant of the same name. Empty: one "acme".</summary>
    public List<SimInstanceOptions> Instances { get; } = [];

    /// <summary>HaloPSA client options, applied after the rig's generous defaults.</summary>
    public Action<HaloClientOptions>? Client { get; set; }

    /// <summary>Budget enforcement options, applied after the rig's defaults.</summary>
    public Action<BudgetEnforcementOptions>? Budget { get; set; }

    /// <summary>Cache lifetimes, applied after the defaults (1 h reference data, 2 min entities, 10 min idempotency).</summary>
    public Action<ReferenceDataOptions>? Caching { get; set; }

    /// <summary>Anything else a test needs of the silos (Orleans options), applied last.</summary>
    public Action<Orleans.Hosting.ISiloBuilder>? Silo { get; set; }

    /// <summary>
    /// Grain storage for the silos, applied before the grains' own services (which fill in memory storage for the
    /// providers left unregistered), e.g. <c>silo.AddHaloRedisStorage(...)</c>.
    /// </summary>
    public Action<Orleans.Hosting.ISiloBuilder>? Storage { get; set; }

    /// <summary>Bounds on entity activations, applied after the defaults.</summary>
    public Action<EntityActivationOptions>? EntityActivations { get; set; }

    /// <summary>A small simulated instance whose budget is <paramref name="requests"/> per <paramref name="windowSeconds"/>.</summary>
    public static SimInstanceOptions Instance(string name, int requests = 100_000, int windowSeconds = 300, Action<SimInstanceOptions>? configure = null)
    {
        var options = new SimInstanceOptions
        {
            Name = name,
            ClientId = $"{name}-client",
            ClientSecret = $"{name}-secret",
            Seed = 11,
            Budget = new SimBudgetOptions { Requests = requests, WindowSeconds = windowSeconds },
            Sizes = new SimSizeOptions
            {
                Clients = 10, Sites = 20, Users = 40, Tickets = 120, Actions = 300, Assets = 30, Contracts = 10,
                Invoices = 20, RecurringInvoices = 5, Agents = 6, Teams = 3, Projects = 5, Reports = 4,
            },
        };
        configure?.Invoke(options);
        return options;
    }
}
