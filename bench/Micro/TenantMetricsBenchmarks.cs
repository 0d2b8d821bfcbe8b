using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using HaloMcp.Grains.Diagnostics;
using HaloMcp.Silo.Ops;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace HaloMcp.Bench.Micro;

/// <summary>
/// What one metric the grains emit (a permit) costs with nobody listening, with the silo's ops aggregator listening,
/// and with the Prometheus exporter's OpenTelemetry reader listening as well (the Api with the ops pages on).
/// </summary>
public class TenantMetricsBenchmarks : IDisposable
{
    private ServiceProvider _services = null!;
    private TenantMetrics _metrics = null!;
    private TenantActivityAggregator? _aggregator;
    private MeterProvider? _prometheus;

    [Params("none", "aggregator", "aggregator+prometheus")]
    public string Listeners { get; set; } = "none";

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = _services.GetRequiredService<IMeterFactory>();
        _metrics = new TenantMetrics(meters);
        if (Listeners != "none")
        {
            _aggregator = new TenantActivityAggregator(TimeProvider.System, meters);
            _aggregator.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        if (Listeners == "aggregator+prometheus")
        {
            _prometheus = Sdk.CreateMeterProviderBuilder().AddMeter(TenantMetrics.MeterName).AddPrometheusExporter().Build();
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _prometheus?.Dispose();
        _aggregator?.Dispose();
        _services.Dispose();
    }

    [Benchmark(Description = "permit counted (one of 100 tenants)")]
    public void Permit() => _metrics.Permitted(Tenants[Environment.TickCount & 63], "read", waited: false);

    private static readonly string[] Tenants = [.. Enumerable.Range(0, 100).Select(i => "tenant-" + i)];
}
