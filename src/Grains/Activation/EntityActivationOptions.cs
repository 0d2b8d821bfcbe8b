namespace HaloMcp.Grains.Activation;

/// <summary>
/// How many ticket and client activations a tenant may hold, bound from the <c>EntityActivations</c> configuration
/// section. An entity activation costs memory but no budget once its data is cached, so without a bound a caller
/// asking for random ids could fill a silo; these bound it per tenant.
/// </summary>
public sealed class EntityActivationOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "EntityActivations";

    /// <summary>
    /// How long an idle ticket or client activation lives (Orleans' collection age for those grain classes). Their
    /// caches live <see cref="Tenancy.ReferenceDataOptions.EntityTtl"/> (2 minutes) anyway, so keeping one longer buys little.
    /// </summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The most ticket and client activations one tenant may hold on one silo, together. Past it the least recently
    /// used one is deactivated (its next call activates it afresh, at the cost of one read).
    /// </summary>
    public int MaxPerTenantPerSilo { get; set; } = 2_000;
}
