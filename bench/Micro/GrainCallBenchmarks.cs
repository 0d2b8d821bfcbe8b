using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;

namespace HaloMcp.Bench.Micro;

/// <summary>
/// An Orleans grain call on a co-hosted silo (the Api's shape): reference, message, the activation's scheduler, the turn,
/// and the result back to the caller outside any grain.
/// </summary>
public class GrainCallBenchmarks : IDisposable
{
    private IHost _host = null!;
    private IBenchGrain _grain = null!;
    private IGrainFactory _factory = null!;
    private readonly CancellationTokenSource _cancellable = new();

    // Synchronous on purpose: the in-process toolchain does not await an async [GlobalSetup].
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo.UseHaloClustering());
        _host = builder.Build();
        await _host.StartAsync();
        _factory = _host.Services.GetRequiredService<IGrainFactory>();
        _grain = _factory.GetGrain<IBenchGrain>("bench");
        await _grain.AddAsync(1, CancellationToken.None);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
        _cancellable.Dispose();
    }

    [Benchmark(Baseline = true, Description = "call (Task<int>, one turn)")]
    public Task<int> Call() => _grain.AddAsync(1, CancellationToken.None);

    [Benchmark(Description = "call (ValueTask<int>)")]
    public ValueTask<int> CallValueTask() => _grain.AddValueAsync(1, CancellationToken.None);

    [Benchmark(Description = "call [AlwaysInterleave]")]
    public Task<int> Interleaved() => _grain.PeekAsync(CancellationToken.None);

    [Benchmark(Description = "call with a cancellable token (as a tool passes its request's)")]
    public Task<int> CallCancellable() => _grain.AddAsync(1, _cancellable.Token);

    [Benchmark(Description = "GetGrain + call")]
    public Task<int> ResolveAndCall() => _factory.GetGrain<IBenchGrain>("bench").AddAsync(1, CancellationToken.None);
}
