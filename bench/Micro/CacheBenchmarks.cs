using BenchmarkDotNet.Attributes;
using HaloMcp.Grains;
using HaloMcp.Grains.Reference;
using HaloMcp.Grains.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace HaloMcp.Bench.Micro;

/// <summary>A cache hit: <see cref="CachedValue{T}"/> alone, and a tenant grain's reference data through the silo.</summary>
public class CacheBenchmarks
{
    private CachedValue<IReadOnlyList<int>> _cached = null!;
    private InProcessServer _server = null!;
    private ITenantGrain _tenant = null!;

    // Synchronous on purpose: the in-process toolchain does not await an async [GlobalSetup].
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _cached = new CachedValue<IReadOnlyList<int>>(_ => Task.FromResult<IReadOnlyList<int>>([1, 2, 3]), TimeSpan.FromHours(1), TimeProvider.System);
        await _cached.GetAsync(CancellationToken.None);
        _server = await InProcessServer.StartAsync();
        _tenant = _server.App.Services.GetRequiredService<IGrainFactory>().GetGrain<ITenantGrain>(InProcessServer.TenantId);
        await _tenant.GetStatusesAsync(CancellationToken.None);
    }

    [GlobalCleanup]
    public void Cleanup() => _server.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "CachedValue<T>.GetAsync hit")]
    public Task<IReadOnlyList<int>> CachedValueHit() => _cached.GetAsync(CancellationToken.None);

    [Benchmark(Description = "ITenantGrain.GetStatusesAsync hit (through the silo)")]
    public Task<ReferenceList<StatusInfo>> TenantReferenceHit() => _tenant.GetStatusesAsync(CancellationToken.None);
}
