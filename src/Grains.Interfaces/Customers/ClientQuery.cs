namespace HaloMcp.Grains.Customers;

/// <summary>Filters and paging for clients.</summary>
/// <param name="Search">Name contains.</param>
/// <param name="IncludeInactive">Include inactive clients.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Rows per page (1 to 100).</param>
[GenerateSerializer, Immutable, Alias("halo.Customers.ClientQuery")]
public sealed record ClientQuery(
    string? Search,
    bool IncludeInactive,
    int Page,
    int PageSize);
