using HaloMcp.Grains.Ops;

namespace HaloMcp.Api.Ops;

/// <summary>Everything <c>/ops</c> shows, read at <paramref name="At"/>.</summary>
/// <param name="Tenants">Tenants seen in the last hour, busiest budget first.</param>
/// <param name="Cluster">Silos and activations per grain type.</param>
/// <param name="At">When it was read.</param>
internal sealed record OpsOverview(IReadOnlyList<TenantOpsRow> Tenants, ClusterOverview Cluster, DateTimeOffset At);
