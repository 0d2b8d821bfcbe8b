namespace HaloMcp.Grains.Billing;

/// <summary>Which revenue to break down.</summary>
/// <param name="ClientId">One client, or every client when null.</param>
/// <param name="DateFrom">Invoice date on or after (UTC).</param>
/// <param name="DateTo">Invoice date before (UTC).</param>
[GenerateSerializer, Immutable, Alias("halo.Billing.RevenueQuery")]
public sealed record RevenueQuery(
    int? ClientId,
    DateTimeOffset DateFrom,
    DateTimeOffset DateTo);
