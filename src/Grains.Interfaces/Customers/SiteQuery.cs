namespace HaloMcp.Grains.Customers;

/// <summary>Filters and paging for sites.</summary>
/// <param name="ClientId">Only this client's sites.</param>
/// <param name="Search">Name contains.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Rows per page (1 to 100).</param>
[GenerateSerializer, Immutable, Alias("halo.Customers.SiteQuery")]
public sealed record SiteQuery(
    int? ClientId,
    string? Search,
    int Page,
    int PageSize);
