namespace HaloMcp.Grains.Customers;

/// <summary>Filters and paging for end users (contacts).</summary>
/// <param name="ClientId">Only this client's users.</param>
/// <param name="SiteId">Only this site's users.</param>
/// <param name="Search">Name, email or phone contains.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Rows per page (1 to 100).</param>
[GenerateSerializer, Immutable, Alias("halo.Customers.UserQuery")]
public sealed record UserQuery(
    int? ClientId,
    int? SiteId,
    string? Search,
    int Page,
    int PageSize);
