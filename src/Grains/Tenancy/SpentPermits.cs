namespace HaloMcp.Grains.Tenancy;

/// <summary><paramref name="Count"/> permits granted at or before <paramref name="At"/>.</summary>
/// <param name="At">The latest the permits can have been granted.</param>
/// <param name="Count">How many.</param>
[GenerateSerializer, Immutable, Alias("halo.Tenancy.SpentPermits")]
public readonly record struct SpentPermits(DateTimeOffset At, int Count);
