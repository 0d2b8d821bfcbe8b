namespace HaloMcp.Grains.Billing;

/// <summary>
/// One element of a revenue breakdown's stream: progress while invoices are read, then (last) the result.
/// Exactly one of the two is set.
/// </summary>
/// <param name="Progress">How far the breakdown has got; null on the last element.</param>
/// <param name="Result">The breakdown; set on the last element only.</param>
[GenerateSerializer, Immutable, Alias("halo.Billing.RevenueUpdate")]
public sealed record RevenueUpdate(
    RevenueProgress? Progress,
    RevenueBreakdown? Result);
