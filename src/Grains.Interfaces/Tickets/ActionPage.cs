namespace HaloMcp.Grains.Tickets;

/// <summary>One page of actions, newest first, saying whether it came from HaloMcp's cache.</summary>
/// <param name="Items">The actions of this page.</param>
/// <param name="Page">The 1-based page number.</param>
/// <param name="PageSize">The page size used.</param>
/// <param name="Total">How many actions match in all.</param>
/// <param name="HasMore">Whether a later page has actions.</param>
/// <param name="FromCache">Whether it was served from the ticket's cached actions rather than read from HaloPSA now.</param>
/// <param name="AgeSeconds">How many seconds ago the actions served were known to be current in HaloPSA.</param>
[GenerateSerializer, Immutable, Alias("halo.Tickets.ActionPage")]
public sealed record ActionPage(
    IReadOnlyList<ActionRow> Items,
    int Page,
    int PageSize,
    int Total,
    bool HasMore,
    bool? FromCache = null,
    int? AgeSeconds = null);
