namespace HaloMcp.Grains.Billing;

/// <summary>A billing line (plan) of a contract.</summary>
/// <param name="Id">The line id.</param>
/// <param name="Description">What it bills.</param>
/// <param name="Quantity">Quantity.</param>
/// <param name="UnitPrice">Price per unit.</param>
/// <param name="Amount">Amount per period.</param>
[GenerateSerializer, Immutable, Alias("halo.Billing.ContractLine")]
public sealed record ContractLine(
    int Id,
    string? Description,
    double? Quantity,
    double? UnitPrice,
    double? Amount);
