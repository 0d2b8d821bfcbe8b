using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.Mapping;
using HaloMcp.Grains.Reference;
using WireAgentQuery = HaloMcp.Grains.HaloPsa.Queries.AgentQuery;

namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// A tenant's reference-data caches, each loaded once per time to live however many callers ask at once. They are
/// configuration every agent sees, so one copy, loaded as the tenant's own application, serves every caller.
/// </summary>
public sealed class ReferenceData
{
    /// <summary>
    /// Creates the caches; <paramref name="load"/> runs one read against the tenant's HaloPSA, and <paramref name="maxAge"/>
    /// says at each read how old a copy may be.
    /// </summary>
    public ReferenceData(Func<Func<HaloApiClient, CancellationToken, Task<object>>, CancellationToken, Task<object>> load, Func<TimeSpan> maxAge, TimeProvider time, Action<string, bool>? observe = null)
    {
        Statuses = Cache(load, maxAge, time, Observer(observe, "statuses"), async (c, ct) => (IReadOnlyList<StatusInfo>)[.. (await c.ListStatusesAsync(ct)).Select(ReferenceMapper.ToInfo)]);
        TicketTypes = Cache(load, maxAge, time, Observer(observe, "tickettypes"), async (c, ct) => (IReadOnlyList<TicketTypeInfo>)[.. (await c.ListTicketTypesAsync(ct)).Select(ReferenceMapper.ToInfo)]);
        Priorities = Cache(load, maxAge, time, Observer(observe, "priorities"), async (c, ct) => ReferenceMapper.ToInfos(await c.ListPrioritiesAsync(ct)));
        Teams = Cache(load, maxAge, time, Observer(observe, "teams"), async (c, ct) => (IReadOnlyList<TeamInfo>)[.. (await c.ListTeamsAsync(ct)).Select(ReferenceMapper.ToInfo)]);
        Agents = Cache(load, maxAge, time, Observer(observe, "agents"), async (c, ct) => (IReadOnlyList<AgentInfo>)[.. (await c.ListAgentsAsync(new WireAgentQuery { IncludeDisabled = true }, ct)).Select(ReferenceMapper.ToInfo)]);
        AssetTypes = Cache(load, maxAge, time, Observer(observe, "assettypes"), async (c, ct) => (IReadOnlyList<AssetTypeInfo>)[.. (await c.ListAssetTypesAsync(ct)).Select(ReferenceMapper.ToInfo)]);
        Outcomes = Cache(load, maxAge, time, Observer(observe, "outcomes"), async (c, ct) => (IReadOnlyList<OutcomeInfo>)[.. (await c.ListOutcomesAsync(ct)).Select(ReferenceMapper.ToInfo)]);
    }

    /// <summary>Ticket statuses.</summary>
    public CachedValue<IReadOnlyList<StatusInfo>> Statuses { get; }

    /// <summary>Ticket types.</summary>
    public CachedValue<IReadOnlyList<TicketTypeInfo>> TicketTypes { get; }

    /// <summary>Priorities, one per priority id.</summary>
    public CachedValue<IReadOnlyList<PriorityInfo>> Priorities { get; }

    /// <summary>Teams.</summary>
    public CachedValue<IReadOnlyList<TeamInfo>> Teams { get; }

    /// <summary>Every agent, disabled ones included (queries filter).</summary>
    public CachedValue<IReadOnlyList<AgentInfo>> Agents { get; }

    /// <summary>Asset types.</summary>
    public CachedValue<IReadOnlyList<AssetTypeInfo>> AssetTypes { get; }

    /// <summary>Action outcomes.</summary>
    public CachedValue<IReadOnlyList<OutcomeInfo>> Outcomes { get; }

    /// <summary>Drops the cached copy of <paramref name="kind"/>.</summary>
    public void Drop(ReferenceKind kind)
    {
        switch (kind)
        {
            case ReferenceKind.Statuses: Statuses.Invalidate(); break;
            case ReferenceKind.TicketTypes: TicketTypes.Invalidate(); break;
            case ReferenceKind.Priorities: Priorities.Invalidate(); break;
            case ReferenceKind.Teams: Teams.Invalidate(); break;
            case ReferenceKind.Agents: Agents.Invalidate(); break;
            case ReferenceKind.AssetTypes: AssetTypes.Invalidate(); break;
            case ReferenceKind.Outcomes: Outcomes.Invalidate(); break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown reference data.");
        }
    }

    /// <summary>The list as a result that says how fresh it is.</summary>
    public static async Task<ReferenceList<T>> ListAsync<T>(CachedValue<IReadOnlyList<T>> cache, CancellationToken cancellationToken)
    {
        var read = await cache.ReadAsync(cancellationToken);
        return new ReferenceList<T>(read.Value, read.FromCache, read.AgeSeconds);
    }

    private static Action<bool>? Observer(Action<string, bool>? observe, string cache) =>
        observe is null ? null : hit => observe(cache, hit);

    private static CachedValue<T> Cache<T>(
        Func<Func<HaloApiClient, CancellationToken, Task<object>>, CancellationToken, Task<object>> load,
        Func<TimeSpan> maxAge,
        TimeProvider time,
        Action<bool>? observe,
        Func<HaloApiClient, CancellationToken, Task<T>> read)
        where T : class =>
        new(async ct => (T)await load(async (client, token) => await read(client, token), ct), maxAge, time, observe, sharedAcrossAgents: true);
}
