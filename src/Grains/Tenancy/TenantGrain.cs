using HaloMcp.Grains.Diagnostics;
using HaloMcp.Grains.Errors;
using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.HaloPsa.Model;
using HaloMcp.Grains.Mapping;
using HaloMcp.Grains.Reference;
using HaloMcp.Grains.Upstream;
using HaloMcp.Silo;
using HaloMcp.Silo.Cluster;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// The owner of one tenant: its settings, its HaloPSA token, its request budget and its reference-data caches. It
/// hands these out from memory, so its methods interleave; it never waits on HaloPSA inside a turn.
/// </summary>
public sealed partial class TenantGrain(
    ITenantDirectory directory,
    TenantHaloClients clients,
    IHttpClientFactory httpClients,
    ISharedTokenStore tokenStore,
    IRequestBudgetStore budgetStore,
    IOptions<HaloClientOptions> clientOptions,
    IOptions<BudgetEnforcementOptions> budgetOptions,
    IOptions<ReferenceDataOptions> cacheOptions,
    TenantMetrics metrics,
    ILoggerFactory loggers) : Grain, ITenantGrain, ITenantUpstream
{
    private readonly Lock _gate = new();
    private readonly ILogger _logger = loggers.CreateLogger<TenantGrain>();
    private TenantSettings? _settings;
    private TenantTokenCache? _tokens;
    private TenantBudget? _budget;
    private ReferenceData? _reference;

    private string TenantId => GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        clients.Forget(TenantId);
        if (_budget is not null)
        {
            // Grants still inside the window must keep counting if the tenant comes back; older ones cost nothing.
            await _budget.ForgetIfIdleAsync(cancellationToken).ConfigureAwait(false);
            _budget.Dispose();
        }

        if (_tokens?.Current is { } token)
        {
            await tokenStore.RemoveIfAsync(TenantId, token.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task<TenantSettings> GetSettingsAsync(CancellationToken cancellationToken) => Task.FromResult(CurrentSettings());

    /// <inheritdoc />
    public async Task<HaloAccessToken> GetTokenAsync(string? rejected, CancellationToken cancellationToken)
    {
        CurrentSettings();
        if (rejected is not null)
        {
            LogTokenRejected(_logger, TenantId);
        }

        return await _tokens!.GetAsync(rejected, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task AcquirePermitAsync(HaloRequestKind kind, CancellationToken cancellationToken)
    {
        CurrentSettings();
        var now = TimeProvider.GetUtcNow();
        var deadline = now + budgetOptions.Value.DefaultWait;
        if (GrainCallContext.Deadline is { } callDeadline)
        {
            // Answer before the call itself times out, so the caller hears "rate limited", not "timed out".
            var safe = callDeadline - TimeSpan.FromMilliseconds(500);
            deadline = safe < deadline ? safe : deadline;
        }

        var waitedBefore = _budget!.GrantedAfterWaiting;
        try
        {
            await _budget.AcquireAsync(deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (HaloOperationException ex) when (ex.Kind == HaloFailureKind.RateLimited)
        {
            metrics.Rejected(TenantId);
            throw;
        }

        metrics.Permitted(TenantId, kind == HaloRequestKind.Write ? "write" : "read", _budget.GrantedAfterWaiting != waitedBefore);
    }

    /// <inheritdoc />
    public async Task ReportRateLimitedAsync(TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var settings = CurrentSettings();
        var pause = retryAfter ?? settings.EffectiveBudget.Window;
        LogPaused(_logger, TenantId, pause.TotalSeconds);
        metrics.RateLimited(TenantId);
        await _budget!.PauseAsync(pause, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StatusInfo>> GetStatusesAsync(CancellationToken cancellationToken) => Reference.Statuses.GetAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<TicketTypeInfo>> GetTicketTypesAsync(CancellationToken cancellationToken) => Reference.TicketTypes.GetAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<PriorityInfo>> GetPrioritiesAsync(CancellationToken cancellationToken) => Reference.Priorities.GetAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<TeamInfo>> GetTeamsAsync(CancellationToken cancellationToken) => Reference.Teams.GetAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AssetTypeInfo>> GetAssetTypesAsync(CancellationToken cancellationToken) => Reference.AssetTypes.GetAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OutcomeInfo>> GetOutcomesAsync(CancellationToken cancellationToken) => Reference.Outcomes.GetAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<AgentInfo>> GetAgentsAsync(AgentQuery query, CancellationToken cancellationToken)
    {
        var agents = await Reference.Agents.GetAsync(cancellationToken).ConfigureAwait(false);
        return [.. agents.Where(a => ReferenceMapper.Matches(a, query))];
    }

    /// <inheritdoc />
    public async Task<AgentDetail> GetAgentAsync(int agentId, CancellationToken cancellationToken)
    {
        var agent = await clients.CallAsync(TenantId, c => c.GetAgentAsync(agentId, cancellationToken), cancellationToken).ConfigureAwait(false);
        var teams = await Reference.Teams.GetAsync(cancellationToken).ConfigureAwait(false);
        return ReferenceMapper.ToDetail(agent, teams);
    }

    /// <inheritdoc />
    public async Task<TenantBudgetStatus> GetBudgetStatusAsync(CancellationToken cancellationToken)
    {
        CurrentSettings();
        var usage = await _budget!.GetUsageAsync(cancellationToken).ConfigureAwait(false);
        return new TenantBudgetStatus(usage.Limit, _budget.EnforcedBudget.Window.TotalSeconds, usage.InWindow, _budget.QueueLength, usage.PausedUntil);
    }

    private ReferenceData Reference
    {
        get
        {
            CurrentSettings();
            lock (_gate)
            {
                return _reference ??= new ReferenceData(Load, cacheOptions.Value.ReferenceDataTtl, TimeProvider, (cache, hit) => metrics.CacheLookup(TenantId, cache, hit));
            }
        }
    }

    private Task<T> Load<T>(Func<HaloApiClient, CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        clients.CallAsync(TenantId, c => read(c, cancellationToken), cancellationToken);

    // Settings are re-read on every use so that a configuration reload takes effect at once; what hangs off them
    // (the token, the budget) is rebuilt only when they really change.
    private TenantSettings CurrentSettings()
    {
        var settings = directory.Find(TenantId)
            ?? throw new HaloOperationException(HaloFailureKind.UnknownTenant, "This tenant is not configured (any more).");
        lock (_gate)
        {
            if (_settings is null || !_settings.Equals(settings))
            {
                var credentialsChanged = _settings is null || _settings with { Budget = null } != settings with { Budget = null };
                _settings = settings;
                if (credentialsChanged)
                {
                    var connection = TenantHaloClients.ConnectionOf(settings);
                    _tokens = new TenantTokenCache(
                        TenantId,
                        new HaloTokenClient(httpClients.CreateClient(HaloHttp.ClientName), connection, TimeProvider, loggers.CreateLogger<HaloTokenClient>()),
                        tokenStore,
                        clientOptions.Value,
                        TimeProvider,
                        () => metrics.TokenRequested(TenantId));
                    _reference = null;
                }

                _budget ??= new TenantBudget(TenantId, () => _settings.EffectiveBudget, budgetStore, TimeProvider, budgetOptions.Value);
            }

            return settings;
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "HaloPSA rejected the token of tenant {TenantId}; fetching a new one")]
    private static partial void LogTokenRejected(ILogger logger, string tenantId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "HaloPSA answered 429 for tenant {TenantId}; pausing its requests for {Seconds} s")]
    private static partial void LogPaused(ILogger logger, string tenantId, double seconds);
}
