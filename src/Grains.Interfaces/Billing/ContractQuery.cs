namespace HaloMcp.Grains.Billing;

/// <summary>Filters and paging for client contracts.</summary>
/// <param name="ClientId">Only this client's contracts.</param>
/// <param name="ActiveOnly">Only active contracts.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Rows per page (1 to 100).</param>
[GenerateSerializer, Immutable, Alias("halo.Billing.ContractQuery")]
public sealed record ContractQuery(
    int? ClientId,
    bool ActiveOnly,
    int Page,
    int PageSize);
