namespace HaloMcp.Grains.Billing;

/// <summary>One client contract with its billing lines.</summary>
/// <param name="Id">The contract id.</param>
/// <param name="Reference">Its reference.</param>
/// <param name="ClientId">The client.</param>
/// <param name="ClientName">The client's name.</param>
/// <param name="ContractType">Contract type.</param>
/// <param name="StartDate">Start (UTC).</param>
/// <param name="EndDate">End (UTC).</param>
/// <param name="Status">Status.</param>
/// <param name="Active">Whether it is active.</param>
/// <param name="PeriodChargeAmount">Charge per billing period.</param>
/// <param name="BillingPeriod">The billing period.</param>
/// <param name="NextInvoiceDate">Next invoice (UTC).</param>
/// <param name="SiteName">The site.</param>
/// <param name="Lines">Billing lines.</param>
[GenerateSerializer, Immutable, Alias("halo.Billing.ContractDetail")]
public sealed record ContractDetail(
    int Id,
    string? Reference,
    int ClientId,
    string? ClientName,
    string? ContractType,
    DateTimeOffset? StartDate,
    DateTimeOffset? EndDate,
    string? Status,
    bool Active,
    double? PeriodChargeAmount,
    string? BillingPeriod,
    DateTimeOffset? NextInvoiceDate,
    string? SiteName,
    IReadOnlyList<ContractLine> Lines);
