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
    /// <summary>Creates the caches; <paramref name="load"/> runs one read against the tenant's HaloPSA.</summary>
    public ReferenceData(Func<Func<HaloApiClient, CancellationToken, Task<object>>, CancellationToken, Task<object>> load, TimeSpan ttl, TimeProvider time, Action<string, bool>? observe = null)
    {
        Statuses = Cache(load, ttl, time, Observer(observe, "statuses"), async (c, ct) => (IReadOnlyList<StatusInfo>)[.. (await c.ListStatusesAsync(ct)).Select(ReferenceMapper.ToInfo)]);
        TicketTypes = Cache(load, ttl, time, Observer(observe, "tickettypes"), async (c, ct) => (IReadOnlyList<TicketTypeInfo>)[.. (await c.ListTicketTypesAsync(ct)).Select(ReferenceMapper.ToInfo)]);
        Priorities = Cache(load, ttl, time, Observer(observe, "priorities"), async (c, ct) => ReferenceMapper.ToInfos(await c.ListPrioritiesAsync(ct)));
        Teams = Cache(load, ttl, time, Observer(observe, "teams"), async (c, ct) => (IReadOnlyList<TeamInfo>)[.. (await c.ListTeamsAsync(ct)).Select(ReferenceMapper.ToInfo)]);
        Agents = Cache(load, ttl, time, Observer(observe, "agents"), async (c, ct) => (IReadOnlyList<AgentInfo>)[.. (await c.ListAgentsAsync(new WireAgentQuery { IncludeDisabled = true }, ct)).Select(ReferenceMapper.ToInfo)]);
        AssetTypes = Cache(load, ttl, time, Observer(observe, "assettypes"), async (c, ct) => (IReadOnlyList<AssetTypeInfo>)[.. (await c.ListAssetTypesAsync(ct)).Select(ReferenceMapper.ToInfo)]);
        Outcomes = Cache(load, ttl, time, Observer(observe, "outcomes"), async (c, ct) => (IReadOnlyList<OutcomeInfo>)[.. (await c.ListOutcomesAsync(ct)).Select(ReferenceMapper.ToInfo)]);
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

    private static Action<bool>? Observer(Action<string, bool>? observe, string cache) =>
        observe is null ? null : hit => observe(cache, hit);

    private static CachedValue<T> Cache<T>(
        Func<Func<HaloApiClient, CancellationToken, Task<object>>, CancellationToken, Task<object>> load,
        TimeSpan ttl,
        TimeProvider time,
        Action<bool>? observe,
        Func<HaloApiClient, CancellationToken, Task<T>> read)
        where T : class =>
        new(async ct => (T)await load(async (client, token) => await read(client, token), ct), ttl, time, observe, sharedAcrossAgents: true);
}
