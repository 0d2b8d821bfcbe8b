using HaloMcp.Grains.Diagnostics;
using HaloMcp.Grains.Errors;
using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.HaloPsa.Http;
using HaloMcp.Grains.Mapping;
using HaloMcp.Grains.Reference;
using HaloMcp.Grains.Storage;
using HaloMcp.Grains.Upstream;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// The owner of one tenant: its settings, its HaloPSA token, its request budget and its reference-data caches, all
/// plain fields. Single activation makes each of them cluster-wide; <see cref="ReentrantAttribute"/> lets calls
/// interleave at awaits (one at a time, never in parallel), so nothing here needs a lock and a caller waiting for a
/// permit or a token never holds up another. The budget's permits are reserved in a durable journal before they go out
/// (<see cref="PermitJournal"/>), so an activation that takes over after a silo's death keeps the window.
/// </summary>
[Reentrant]
public sealed partial class TenantGrain(
    [PersistentState("budget", HaloStorage.State)] IPersistentState<BudgetJournal> journalState,
    ITenantDirectory directory,
    TenantHaloClients clients,
    IHttpClientFactory httpClients,
    IOptions<HaloClientOptions> clientOptions,
    IOptions<BudgetEnforcementOptions> budgetOptions,
    IOptions<ReferenceDataOptions> cacheOptions,
    TimeProvider time,
    TenantMetrics metrics,
    ILoggerFactory loggers) : Grain, ITenantGrain, ITenantUpstream
{
    private readonly ILogger _logger = loggers.CreateLogger<TenantGrain>();
    private TenantSettings? _settings;
    private HaloConnection? _connection;
    private IssuedToken? _token;
    private TokenRequest? _tokenRequest;
    private TenantBudget? _budget;
    private PermitJournal? _journal;
    private IGrainTimer? _wakeUp;
    private ReferenceData? _reference;

    private string TenantId => this.GetPrimaryKeyString();

    private TenantBudget Budget => _budget ?? CreateBudget();

    private ReferenceData Reference
    {
        get
        {
            CurrentSettings();
            return _reference ??= new ReferenceData(Load, cacheOptions.Value.ReferenceDataTtl, time, (cache, hit) => metrics.CacheLookup(TenantId, cache, hit));
        }
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        clients.Forget(TenantId);
        _wakeUp?.Dispose();
        if (_budget is { } budget && _journal is { } journal)
        {
            budget.Abandon();
            try
            {
                await budget.Reserving;
                await journal.CloseAsync(budget.IsIdle, time.GetUtcNow() - budget.EnforcedBudget.Window, budget.PausedUntil);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The journal keeps its open reservation, which the next activation counts in full: safe, only wasteful.
                LogJournalNotClosed(_logger, TenantId, ex.GetType().Name);
            }
        }
    }

    /// <inheritdoc />
    public async Task<HaloAdmission> AdmitAsync(HaloRequestKind kind, string? rejectedToken, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        CurrentSettings();
        if (rejectedToken is not null && _token?.Token.Value == rejectedToken)
        {
            LogTokenRejected(_logger, TenantId);
            _token = null;
        }

        await AcquirePermitAsync(kind, deadline, cancellationToken);
        return await IssueTokenAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task ReportTokenRejectedAsync(string rejectedToken, CancellationToken cancellationToken)
    {
        if (_token?.Token.Value == rejectedToken)
        {
            _token = null;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ReportRateLimitedAsync(TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var settings = CurrentSettings();
        var pause = retryAfter ?? settings.EffectiveBudget.Window;
        LogPaused(_logger, TenantId, pause.TotalSeconds);
        metrics.RateLimited(TenantId);
        Budget.Pause(pause);
        return Task.CompletedTask;
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
        var agents = await Reference.Agents.GetAsync(cancellationToken);
        return [.. agents.Where(a => ReferenceMapper.Matches(a, query))];
    }

    /// <inheritdoc />
    public async Task<AgentDetail> GetAgentAsync(int agentId, CancellationToken cancellationToken)
    {
        var agent = await clients.CallAsync(TenantId, c => c.GetAgentAsync(agentId, cancellationToken));
        var teams = await Reference.Teams.GetAsync(cancellationToken);
        return ReferenceMapper.ToDetail(agent, teams);
    }

    /// <inheritdoc />
    public Task<TenantBudgetStatus> GetBudgetStatusAsync(CancellationToken cancellationToken)
    {
        CurrentSettings();
        var usage = Budget.Usage();
        return Task.FromResult(new TenantBudgetStatus(usage.Limit, Budget.EnforcedBudget.Window.TotalSeconds, usage.InWindow, Budget.QueueLength, usage.PausedUntil));
    }

    private async Task AcquirePermitAsync(HaloRequestKind kind, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        // A caller waits no longer than the default wait, and never past the deadline of its call.
        var latest = time.GetUtcNow() + budgetOptions.Value.DefaultWait;
        bool waited;
        try
        {
            waited = await Budget.AcquireAsync(deadline < latest ? deadline : latest, cancellationToken);
        }
        catch (HaloOperationException ex) when (ex.Kind == HaloFailureKind.RateLimited)
        {
            metrics.Rejected(TenantId);
            throw;
        }

        metrics.Permitted(TenantId, kind == HaloRequestKind.Write ? "write" : "read", waited);

        // The window's grants must keep counting however idle the tenant looks until they have left it.
        DelayDeactivation(Budget.EnforcedBudget.Window);
    }

    // One token request however many callers need it; a token is only ever handed out with the API root of the
    // connection it was issued for, and only while that connection is still the tenant's.
    private async Task<HaloAdmission> IssueTokenAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var connection = _connection!;
            if (_token is { } issued && issued.Connection == connection && IsFresh(issued.Token))
            {
                return new HaloAdmission(issued.Token, connection.ApiBaseUri);
            }

            if (_tokenRequest is not { } request || request.Connection != connection)
            {
                request = new TokenRequest(connection, RequestTokenAsync(connection));
                _tokenRequest = request;
            }

            var token = await request.Token.WaitAsync(cancellationToken);
            if (connection == _connection)
            {
                return new HaloAdmission(token, connection.ApiBaseUri);
            }

            // The settings changed while the token was being issued: that token is not for them.
        }
    }

    private async Task<HaloAccessToken> RequestTokenAsync(HaloConnection connection)
    {
        // Returns to the caller first, so the request is registered as in flight before it can finish.
        await Task.Yield();
        try
        {
            metrics.TokenRequested(TenantId);
            using var timeout = new CancellationTokenSource(clientOptions.Value.AttemptTimeout, time);
            var tokenClient = new HaloTokenClient(httpClients.CreateClient(HaloHttp.TokenClientName), connection, time, loggers.CreateLogger<HaloTokenClient>());
            var token = await tokenClient.RequestTokenAsync(timeout.Token);
            if (connection == _connection)
            {
                _token = new IssuedToken(token, connection);
            }

            return token;
        }
        catch (OperationCanceledException)
        {
            // Only the request's own timeout cancels it: the request is shared, no caller's token reaches it.
            throw new HaloOperationException(HaloFailureKind.Unavailable, "HaloPSA's authorisation server did not answer in time; try again later.");
        }
        catch (Exception ex) when (HaloErrorTranslator.Translate(ex) is { } translated && !ReferenceEquals(translated, ex))
        {
            // Translated here: only the one failure type crosses the grain boundary.
            throw translated;
        }
        finally
        {
            if (_tokenRequest?.Connection == connection)
            {
                _tokenRequest = null;
            }
        }
    }

    private bool IsFresh(HaloAccessToken token) => time.GetUtcNow() < token.ExpiresAt - clientOptions.Value.TokenRefreshMargin;

    private Task<T> Load<T>(Func<HaloApiClient, CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        clients.CallAsync(TenantId, c => read(c, cancellationToken));

    // The journal as stored says what the window already holds; the budget starts from it.
    private TenantBudget CreateBudget()
    {
        _journal = new PermitJournal(journalState, () =>
        {
            LogJournalLost(_logger, TenantId);
            DeactivateOnIdle();
        });
        var budget = new TenantBudget(() => (_settings ?? CurrentSettings()).EffectiveBudget, time, budgetOptions.Value, ScheduleWakeUp, journal: _journal);
        budget.Restore(_journal.Recover(time.GetUtcNow()), _journal.RecoveredPause);
        _budget = budget;
        return budget;
    }

    private void ScheduleWakeUp(TimeSpan due)
    {
        if (_wakeUp is null)
        {
            _wakeUp = this.RegisterGrainTimer(
                static (grain, _) =>
                {
                    grain._budget?.WakeUp();
                    return Task.CompletedTask;
                },
                this,
                new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { Interleave = true });
        }
        else
        {
            _wakeUp.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    // Settings are re-read on every use so that a configuration reload takes effect at once. A change of anything
    // that identifies the tenant's HaloPSA or its credentials (URL, auth URL, hosted tenant, client id, secret,
    // scope) drops the token and the reference data at once; a budget change only changes the budget.
    private TenantSettings CurrentSettings()
    {
        var settings = directory.Find(TenantId)
            ?? throw new HaloOperationException(HaloFailureKind.UnknownTenant, "This tenant is not configured (any more).");
        if (ReferenceEquals(settings, _settings) || settings.Equals(_settings))
        {
            return _settings!;
        }

        var connection = TenantHaloClients.ConnectionOf(settings);
        if (_connection is not null && connection != _connection)
        {
            LogConnectionChanged(_logger, TenantId);
        }

        if (connection != _connection)
        {
            _connection = connection;
            _token = null;
            _reference = null;
        }

        _settings = settings;
        return settings;
    }

    private sealed record IssuedToken(HaloAccessToken Token, HaloConnection Connection);

    private sealed record TokenRequest(HaloConnection Connection, Task<HaloAccessToken> Token);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "HaloPSA rejected the token of tenant {TenantId}; fetching a new one")]
    private static partial void LogTokenRejected(ILogger logger, string tenantId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "HaloPSA answered 429 for tenant {TenantId}; pausing its requests for {Seconds} s")]
    private static partial void LogPaused(ILogger logger, string tenantId, double seconds);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Another activation of tenant {TenantId} wrote its budget journal; this one stops handing out permits and deactivates")]
    private static partial void LogJournalLost(ILogger logger, string tenantId);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "The budget journal of tenant {TenantId} could not be closed on deactivation ({Error}); the next activation counts its open reservation in full")]
    private static partial void LogJournalNotClosed(ILogger logger, string tenantId, string error);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "The HaloPSA connection of tenant {TenantId} changed; its token and cached reference data were dropped")]
    private static partial void LogConnectionChanged(ILogger logger, string tenantId);
}
