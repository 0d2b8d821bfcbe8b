using HaloMcp.Grains.Diagnostics;
using HaloMcp.Grains.Errors;
using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.HaloPsa.Http;
using HaloMcp.Grains.Mapping;
using HaloMcp.Grains.OAuth;
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
/// <remarks>
/// A call that acts as a HaloPSA agent (<see cref="ActingAgent"/>) takes its permit from the same budget but gets that
/// agent's own token: the tenant grain owns agents' tokens too (cached per sign-in, refreshed once however many callers
/// need it, and kept encrypted in the sign-in's <see cref="IAgentSessionGrain"/> across activations).
/// </remarks>
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
    AgentTokenProtector protector,
    ILoggerFactory loggers) : Grain, ITenantGrain, ITenantUpstream, IReferenceCache
{
    private const string AccessPurpose = "halopsa-access";
    private const string RefreshPurpose = "halopsa-refresh";

    private readonly ILogger _logger = loggers.CreateLogger<TenantGrain>();
    private TenantSettings? _settings;
    private HaloConnection? _connection;
    private IssuedToken? _token;
    private TokenRequest? _tokenRequest;
    private TenantBudget? _budget;
    private PermitJournal? _journal;
    private IGrainTimer? _wakeUp;
    private ReferenceData? _reference;
    private readonly Dictionary<string, IssuedToken> _agentTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenRequest> _agentTokenRequests = new(StringComparer.Ordinal);
    private RateLimitBackoff? _backoff;

    private string TenantId => this.GetPrimaryKeyString();

    private TenantBudget Budget => _budget ?? CreateBudget();

    private ReferenceData Reference
    {
        get
        {
            CurrentSettings();
            return _reference ??= new ReferenceData(
                Load, () => cacheOptions.Value.ReferenceMaxAge((_settings ?? CurrentSettings()).ReceivesWebhooks), time, (cache, hit) => metrics.CacheLookup(TenantId, cache, hit));
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
        if (ActingAgent.SessionId is { } session)
        {
            if (rejectedToken is not null && _agentTokens.TryGetValue(session, out var held) && held.Token.Value == rejectedToken)
            {
                LogTokenRejected(_logger, TenantId);
                _agentTokens.Remove(session);
            }

            await AcquirePermitAsync(kind, deadline, cancellationToken);
            return await IssueAgentTokenAsync(session, rejectedToken, cancellationToken);
        }

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
        if (ActingAgent.SessionId is { } session)
        {
            if (_agentTokens.TryGetValue(session, out var held) && held.Token.Value == rejectedToken)
            {
                _agentTokens.Remove(session);
            }
        }
        else if (_token?.Token.Value == rejectedToken)
        {
            _token = null;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ReportRateLimitedAsync(TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var settings = CurrentSettings();
        var pause = retryAfter ?? (_backoff ??= new RateLimitBackoff(time)).Next(settings.EffectiveBudget.Window);
        LogPaused(_logger, TenantId, pause.TotalSeconds);
        metrics.RateLimited(TenantId);
        Budget.Pause(pause);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ReferenceList<StatusInfo>> GetStatusesAsync(CancellationToken cancellationToken) => ReferenceData.ListAsync(Reference.Statuses, cancellationToken);

    /// <inheritdoc />
    public Task<ReferenceList<TicketTypeInfo>> GetTicketTypesAsync(CancellationToken cancellationToken) => ReferenceData.ListAsync(Reference.TicketTypes, cancellationToken);

    /// <inheritdoc />
    public Task<ReferenceList<PriorityInfo>> GetPrioritiesAsync(CancellationToken cancellationToken) => ReferenceData.ListAsync(Reference.Priorities, cancellationToken);

    /// <inheritdoc />
    public Task<ReferenceList<TeamInfo>> GetTeamsAsync(CancellationToken cancellationToken) => ReferenceData.ListAsync(Reference.Teams, cancellationToken);

    /// <inheritdoc />
    public Task<ReferenceList<AssetTypeInfo>> GetAssetTypesAsync(CancellationToken cancellationToken) => ReferenceData.ListAsync(Reference.AssetTypes, cancellationToken);

    /// <inheritdoc />
    public Task<ReferenceList<OutcomeInfo>> GetOutcomesAsync(CancellationToken cancellationToken) => ReferenceData.ListAsync(Reference.Outcomes, cancellationToken);

    /// <inheritdoc />
    public async Task<ReferenceList<AgentInfo>> GetAgentsAsync(AgentQuery query, CancellationToken cancellationToken)
    {
        var agents = await ReferenceData.ListAsync(Reference.Agents, cancellationToken);
        return agents with { Items = [.. agents.Items.Where(a => ReferenceMapper.Matches(a, query))] };
    }

    /// <inheritdoc />
    public Task DropAsync(ReferenceKind kind)
    {
        // Nothing loaded yet means nothing to drop; building the caches just to drop one would only cost memory.
        _reference?.Drop(kind);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<AgentDetail> GetAgentAsync(int agentId, CancellationToken cancellationToken)
    {
        var agent = await clients.CallAsync(TenantId, c => c.GetAgentAsync(agentId, cancellationToken));
        var teams = await Reference.Teams.GetAsync(cancellationToken);
        return ReferenceMapper.ToDetail(agent, teams);
    }

    /// <inheritdoc />
    public async Task<SignedInAgent> SignInAgentAsync(string sessionId, string code, string codeVerifier, Uri redirectUri, CancellationToken cancellationToken)
    {
        var settings = CurrentSettings();
        var app = settings.AgentSignIn ?? throw new HaloOperationException(HaloFailureKind.Permission, "HaloPSA sign-in is not enabled for this tenant.");
        var connection = _connection!;
        var tokens = await AgentTokenCallAsync(connection, (client, ct) => client.RedeemAgentCodeAsync(app.ClientId, app.ClientSecret, code, codeVerifier, redirectUri, ct));
        var store = GrainFactory.GetGrain<IAgentSessionGrain>(sessionId);
        var record = Protect(sessionId, new AgentSessionRecord(TenantId, 0, string.Empty, [], default, string.Empty, null, app.ClientId), tokens);

        // HaloPSA has spent its code: what it gave is stored whatever happens to the caller.
        if (!await store.SaveAsync(record, CancellationToken.None))
        {
            throw SignInEnded();
        }

        Remember(sessionId, tokens.Access, connection);

        // Who signed in is HaloPSA's to say: ask with the agent's own token.
        HaloMcp.Grains.HaloPsa.Model.HaloAgent me;
        ActingAgent.Set(sessionId, null);
        try
        {
            me = await clients.CallAsync(TenantId, c => c.GetCurrentAgentAsync(cancellationToken));
        }
        finally
        {
            ActingAgent.Clear();
        }

        var name = me.Name ?? string.Join(' ', new[] { me.FirstName, me.Surname }.Where(n => !string.IsNullOrWhiteSpace(n)));
        var current = await store.GetAsync(cancellationToken) ?? record;
        await store.SaveAsync(current with { AgentId = me.Id, AgentName = name }, CancellationToken.None);
        LogAgentSignedIn(_logger, TenantId, me.Id);
        return new SignedInAgent(me.Id, name);
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

    // One refresh per sign-in however many callers need it: HaloPSA's refresh tokens are single-use, so two refreshes
    // racing would end the sign-in.
    private async Task<HaloAdmission> IssueAgentTokenAsync(string session, string? rejectedToken, CancellationToken cancellationToken)
    {
        while (true)
        {
            var connection = _connection!;
            if (_agentTokens.TryGetValue(session, out var held) && held.Connection == connection && IsFresh(held.Token) && held.Token.Value != rejectedToken)
            {
                return new HaloAdmission(held.Token, connection.ApiBaseUri);
            }

            if (!_agentTokenRequests.TryGetValue(session, out var request) || request.Connection != connection)
            {
                request = new TokenRequest(connection, LoadAgentTokenAsync(session, connection, rejectedToken));
                _agentTokenRequests[session] = request;
            }

            var token = await request.Token.WaitAsync(cancellationToken);
            if (connection == _connection)
            {
                return new HaloAdmission(token, connection.ApiBaseUri);
            }
        }
    }

    private async Task<HaloAccessToken> LoadAgentTokenAsync(string session, HaloConnection connection, string? rejectedToken)
    {
        // Returns to the caller first, so the request is registered as in flight before it can finish.
        await Task.Yield();
        try
        {
            var store = GrainFactory.GetGrain<IAgentSessionGrain>(session);
            // A load shared by every caller waiting for this sign-in's token runs on none of their cancellation tokens.
            var record = await store.GetAsync(CancellationToken.None);
            var access = record is null ? null : protector.Unprotect(session, AccessPurpose, record.ProtectedAccessToken);
            if (record is null || record.TenantId != TenantId || access is null)
            {
                throw SignInEnded();
            }

            var stored = new HaloAccessToken(access, record.AccessExpiresAt, record.Scope);
            if (IsFresh(stored) && access != rejectedToken)
            {
                Remember(session, stored, connection);
                return stored;
            }

            var app = CurrentSettings().AgentSignIn;
            var refresh = record.ProtectedRefreshToken is { } sealedRefresh ? protector.Unprotect(session, RefreshPurpose, sealedRefresh) : null;
            if (app is null || refresh is null || app.ClientId != record.SignInClientId)
            {
                await store.EndAsync(CancellationToken.None);
                throw SignInEnded();
            }

            HaloAgentTokens tokens;
            try
            {
                tokens = await AgentTokenCallAsync(connection, (client, ct) => client.RefreshAgentAsync(app.ClientId, app.ClientSecret, refresh, ct));
            }
            catch (HaloOperationException ex) when (ex.Kind == HaloFailureKind.Authentication)
            {
                await store.EndAsync(CancellationToken.None);
                throw;
            }

            // Stored before it is used: the refresh token HaloPSA retired must never be the only one left.
            if (!await store.SaveAsync(Protect(session, record, tokens), CancellationToken.None))
            {
                throw SignInEnded();
            }

            Remember(session, tokens.Access, connection);
            return tokens.Access;
        }
        finally
        {
            if (_agentTokenRequests.TryGetValue(session, out var request) && request.Connection == connection)
            {
                _agentTokenRequests.Remove(session);
            }
        }
    }

    private void Remember(string session, HaloAccessToken token, HaloConnection connection)
    {
        // Sign-ins come and go while the tenant stays active: tokens past their expiry are reloaded from the sign-in's
        // grain anyway, so they are dropped here rather than kept for every agent who ever signed in.
        var now = time.GetUtcNow();
        foreach (var (stale, _) in _agentTokens.Where(t => now >= t.Value.Token.ExpiresAt).ToList())
        {
            _agentTokens.Remove(stale);
        }

        if (connection == _connection)
        {
            _agentTokens[session] = new IssuedToken(token, connection);
        }
    }

    private AgentSessionRecord Protect(string session, AgentSessionRecord record, HaloAgentTokens tokens) => record with
    {
        ProtectedAccessToken = protector.Protect(session, AccessPurpose, tokens.Access.Value),
        AccessExpiresAt = tokens.Access.ExpiresAt,
        Scope = tokens.Access.Scope,

        // HaloPSA may answer a refresh without a new refresh token: the old one then stays the one to use.
        ProtectedRefreshToken = tokens.RefreshToken is { } refresh ? protector.Protect(session, RefreshPurpose, refresh) : record.ProtectedRefreshToken,
    };

    private async Task<HaloAgentTokens> AgentTokenCallAsync(HaloConnection connection, Func<HaloTokenClient, CancellationToken, Task<HaloAgentTokens>> call)
    {
        metrics.TokenRequested(TenantId);
        using var timeout = new CancellationTokenSource(clientOptions.Value.AttemptTimeout, time);
        var tokenClient = new HaloTokenClient(httpClients.CreateClient(HaloHttp.TokenClientName), connection, time, loggers.CreateLogger<HaloTokenClient>());
        try
        {
            return await call(tokenClient, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new HaloOperationException(HaloFailureKind.Unavailable, "HaloPSA's authorisation server did not answer in time; try again later.");
        }
        catch (HaloMcp.Grains.HaloPsa.Errors.HaloAuthenticationException)
        {
            throw SignInEnded();
        }
        catch (Exception ex) when (HaloErrorTranslator.Translate(ex) is { } translated && !ReferenceEquals(translated, ex))
        {
            throw translated;
        }
    }

    private static HaloOperationException SignInEnded() =>
        new(HaloFailureKind.Authentication, "Your HaloPSA sign-in has ended or was refused; sign in to HaloMcp again (reconnect it in your MCP client).");

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

    private async Task<T> Load<T>(Func<HaloApiClient, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        // Reference data is the tenant's: loaded with its own application's token even when an agent's call needed it.
        ActingAgent.Clear();
        return await clients.CallAsync(TenantId, c => read(c, cancellationToken));
    }

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
            _agentTokens.Clear();
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

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "HaloPSA agent {AgentId} of tenant {TenantId} signed in")]
    private static partial void LogAgentSignedIn(ILogger logger, string tenantId, int agentId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Another activation of tenant {TenantId} wrote its budget journal; this one stops handing out permits and deactivates")]
    private static partial void LogJournalLost(ILogger logger, string tenantId);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "The budget journal of tenant {TenantId} could not be closed on deactivation ({Error}); the next activation counts its open reservation in full")]
    private static partial void LogJournalNotClosed(ILogger logger, string tenantId, string error);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "The HaloPSA connection of tenant {TenantId} changed; its token and cached reference data were dropped")]
    private static partial void LogConnectionChanged(ILogger logger, string tenantId);
}
