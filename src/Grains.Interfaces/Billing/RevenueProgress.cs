namespace HaloMcp.Grains.Billing;

/// <summary>How far a revenue breakdown has got.</summary>
/// <param name="Stage">What it is reading.</param>
/// <param name="Done">Pages or records read.</param>
/// <param name="Total">How many there are, when known.</param>
[GenerateSerializer, Immutable, Alias("halo.Billing.RevenueProgress")]
public sealed record RevenueProgress(
    string Stage,
    int Done,
    int? Total);
