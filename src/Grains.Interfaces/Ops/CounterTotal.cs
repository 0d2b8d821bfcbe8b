namespace HaloMcp.Grains.Ops;

/// <summary>The total of one counter for one tenant, summed over the counter's other tags.</summary>
/// <param name="Name">The instrument's name (e.g. <c>halomcp.webhooks.deliveries</c>).</param>
/// <param name="Value">Its total.</param>
[GenerateSerializer, Immutable, Alias("halo.Ops.CounterTotal")]
public sealed record CounterTotal(string Name, long Value);
