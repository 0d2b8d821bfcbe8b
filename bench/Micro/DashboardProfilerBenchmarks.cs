using BenchmarkDotNet.Attributes;
using HaloMcp.Grains.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Dashboard;
using Orleans.Hosting;

namespace HaloMcp.Bench.Micro;

/// <summary>
/// What the Orleans dashboard costs a grain call on a co-hosted silo: without it, with it while nobody watches (its
/// profiler switches itself off a minute after the last dashboard request), and with the profiler on (someone has the
/// dashboard open: <c>GrainProfilerOptions.TraceAlways</c> here). One caller, and 64 concurrent callers per operation.
/// </summary>
public class DashboardProfilerBenchmarks : IDisposable
{
    private const int Concurrent = 64;

    private IHost _host = null!;
    private IBenchGrain _grain = null!;
    private IBenchGrain[] _grains = null!;
    private readonly Task<int>[] _calls = new Task<int>[Concurrent];

    /// <summary><c>none</c>: no dashboard; <c>idle</c>: <c>AddHaloOps</c>, profiler off; <c>profiling</c>: profiler on.</summary>
    [Params("none", "idle", "profiling")]
    public string Dashboard { get; set; } = "none";

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ITenantDirectory, NoTenants>();
        builder.UseOrleans(silo =>
        {
            silo.UseHaloClustering();
            if (Dashboard != "none")
            {
                silo.AddHaloOps();
                silo.Services.Configure<GrainProfilerOptions>(o => o.TraceAlways = Dashboard == "profiling");
            }
        });
        _host = builder.Build();
        await _host.StartAsync();
        var factory = _host.Services.GetRequiredService<IGrainFactory>();
        _grain = factory.GetGrain<IBenchGrain>("bench");
        _grains = [.. Enumerable.Range(0, Concurrent).Select(i => factory.GetGrain<IBenchGrain>("bench-" + i))];
        await _grain.AddAsync(1, CancellationToken.None);
        await Task.WhenAll(_grains.Select(g => g.AddAsync(1, CancellationToken.None)));
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
    }

    [Benchmark(Description = "one caller")]
    public Task<int> Call() => _grain.AddAsync(1, CancellationToken.None);

    [Benchmark(Description = "64 callers on 64 grains (per call)", OperationsPerInvoke = Concurrent)]
    public async Task Concurrently()
    {
        for (var i = 0; i < Concurrent; i++)
        {
            _calls[i] = _grains[i].AddAsync(1, CancellationToken.None);
        }

        await Task.WhenAll(_calls);
    }

    private sealed class NoTenants : ITenantDirectory
    {
        public TenantSettings? Find(string tenantId) => null;
    }
}
