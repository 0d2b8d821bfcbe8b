using HaloMcp.HaloSim.Auth;
using HaloMcp.HaloSim.Webhooks;

namespace HaloMcp.HaloSim;

/// <summary>Settings of one simulated HaloPSA instance (tenant).</summary>
public sealed class SimInstanceOptions
{
    /// <summary>Instance name: its URL path prefix and the <c>tenant</c> query value that selects it.</summary>
    public string Name { get; set; } = "demo";

    /// <summary>The API application's client id.</summary>
    public string ClientId { get; set; } = "demo-client";

    /// <summary>The API application's client secret.</summary>
    public string ClientSecret { get; set; } = "demo-secret";

    /// <summary>
    /// Scopes the API application may be granted (e.g. <c>all</c>, <c>read:tickets</c>). Empty means any scope.
    /// A token request asking for a scope outside this list is refused with <c>invalid_scope</c>.
    /// </summary>
    public List<string> AllowedScopes { get; set; } = [];

    /// <summary>Token lifetime reported in <c>expires_in</c> and enforced on <c>/api</c>.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>
    /// More API applications, such as an authorization-code application agents sign in through
    /// (<c>/auth/authorize</c>). The instance's own client id and secret stay its client-credentials application.
    /// </summary>
    public List<SimApplicationOptions> Applications { get; set; } = [];

    /// <summary>How long an authorization code may wait to be redeemed (single use either way).</summary>
    public int AuthorizationCodeLifetimeSeconds { get; set; } = 60;

    /// <summary>How long a refresh token lasts unused (each use replaces it with a new one).</summary>
    public int RefreshTokenLifetimeSeconds { get; set; } = 30 * 24 * 3600;

    /// <summary>Webhook profiles: where the instance posts its changes (halopsa-api §11.2).</summary>
    public List<SimWebhookOptions> Webhooks { get; set; } = [];

    /// <summary>Contested HaloPSA behaviours, one switch each (defaults: the reading the evidence favours).</summary>
    public SimBehaviourOptions Behaviours { get; set; } = new();

    /// <summary>The rolling-window request budget on <c>/api</c>.</summary>
    public SimBudgetOptions Budget { get; set; } = new();

    /// <summary>Seed of the generated dataset: the same seed and sizes give the same data.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Sizes of the generated dataset.</summary>
    public SimSizeOptions Sizes { get; set; } = new();

    /// <summary>
    /// The instant the seeded data is dated back from. Unset (the default), it is the simulator clock's now when the
    /// instance starts, so the newest tickets are minutes old whenever the simulator runs; set it to replay one fixed
    /// dataset whatever the day.
    /// </summary>
    public DateTimeOffset? DataAnchor { get; set; }
}
