namespace HaloMcp.Grains.Ops;

/// <summary>One silo of the cluster.</summary>
/// <param name="Address">Its address as Orleans prints it (the dashboard's silo pages are keyed by it).</param>
/// <param name="Name">Its configured name, if any.</param>
/// <param name="HostName">The machine it runs on.</param>
/// <param name="Status">Its membership status (<c>Active</c>, <c>Joining</c>, <c>ShuttingDown</c>, ...).</param>
/// <param name="Activations">Grain activations on it.</param>
[GenerateSerializer, Immutable, Alias("halo.Ops.SiloOverview")]
public sealed record SiloOverview(string Address, string? Name, string? HostName, string Status, long Activations);
