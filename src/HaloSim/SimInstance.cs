namespace HaloMcp.HaloSim;

/// <summary>One simulated HaloPSA instance (tenant): its credentials, data, request log, faults and tokens.</summary>
public sealed class SimInstance
{
    internal SimInstance(SimInstanceOptions options, TimeProvider time)
    {
        Options = options;
        Name = options.Name;
        ClientId = options.ClientId;
        ClientSecret = options.ClientSecret;
        Data = new SimDataset(options.Seed, options.Sizes, (options.DataAnchor ?? time.GetUtcNow()).UtcDateTime);
        Tokens = new TokenIssuer(time, TimeSpan.FromSeconds(options.TokenLifetimeSeconds));
        Budget = new RequestBudget(options.Budget, time);
        Behaviours = options.Behaviours.Copy();
    }

    /// <summary>Instance name: URL path prefix and <c>tenant</c> value.</summary>
    public string Name { get; }

    /// <summary>The API application's client id.</summary>
    public string ClientId { get; }

    /// <summary>The API application's client secret.</summary>
    public string ClientSecret { get; }

    /// <summary>The instance's records (tests read the truth from here).</summary>
    public SimDataset Data { get; }

    /// <summary>Every request the instance served.</summary>
    public SimRequestLog Requests { get; } = new();

    /// <summary>Faults injected into the instance's <c>/api</c>.</summary>
    public SimFaults Faults { get; } = new();

    /// <summary>The instance's readings of contested behaviours; a copy of its options, changeable while it runs.</summary>
    public SimBehaviourOptions Behaviours { get; }

    internal SimInstanceOptions Options { get; }

    internal TokenIssuer Tokens { get; }

    internal RequestBudget Budget { get; }

    /// <summary>Makes every token issued so far for this instance invalid (401 on use).</summary>
    public void RevokeTokens() => Tokens.RevokeAll();
}
