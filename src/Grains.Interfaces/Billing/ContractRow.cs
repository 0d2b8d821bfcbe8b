namespace HaloMcp.Grains.Billing;

/// <summary>A client contract in a list.</summary>
/// <param name="Id">The contract id.</param>
/// <param name="Reference">Its reference.</param>
/// <param name="ClientId">The client.</param>
/// <param name="ClientName">The client's name.</param>
/// <param name="ContractType">Contract type.</param>
/// <param name="StartDate">Start (UTC).</param>
/// <param name="EndDate">End (UTC).</param>
/// <param name="Status">Status as HaloPSA names it.</param>
/// <param name="Active">Whether it is active.</param>
/// <param name="PeriodChargeAmount">Charge per billing period.</param>
/// <param name="BillingPeriod">The billing period, as HaloPSA describes it.</param>
[GenerateSerializer, Immutable, Alias("halo.Billing.ContractRow")]
public sealed record ContractRow(
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
    string? BillingPeriod);
