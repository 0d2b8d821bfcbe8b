using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace HaloMcp.Silo.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task Meter_reports_activations_calls_durations_and_errors_with_tags()
    {
        await using var silo = await SiloHarness.StartAsync();
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this test's silo: meters from IMeterFactory are scoped to their container.
            if (instrument.Meter.Name == "HaloMcp.Silo" && ReferenceEquals(instrument.Meter.Scope, silo.MeterFactory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, ToDictionary(tags))));
        listener.Start();

        var grain = silo.Grain("measured");
        await grain.IncrementAsync().Guard();
        await grain.IncrementAsync().Guard();
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.FailAsync().Guard());
        listener.RecordObservableInstruments();

        Assert.Contains(measurements, m => m.Instrument == "halomcp.silo.activations.created" && m.Value == 1 && Tag(m.Tags, "grain.type") == "TestGrain");
        Assert.Contains(measurements, m => m.Instrument == "halomcp.silo.activations" && m.Value == 1 && Tag(m.Tags, "grain.type") == "TestGrain");
        Assert.Equal(2, measurements.Count(m => m.Instrument == "halomcp.silo.calls" && Tag(m.Tags, "grain.method") == "IncrementAsync" && Tag(m.Tags, "grain.type") == "TestGrain"));
        Assert.Equal(3, measurements.Count(m => m.Instrument == "halomcp.silo.call.duration" && Tag(m.Tags, "grain.type") == "TestGrain"));
        var error = Assert.Single(measurements, m => m.Instrument == "halomcp.silo.call.errors");
        Assert.Equal("FailAsync", Tag(error.Tags, "grain.method"));
        Assert.Equal("InvalidOperationException", Tag(error.Tags, "error.type"));

        await silo.StopAsync().Guard();
        Assert.Contains(measurements, m => m.Instrument == "halomcp.silo.activations.collected" && Tag(m.Tags, "deactivation.reason") == "ShuttingDown");
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }

    private static string? Tag(Dictionary<string, object?> tags, string name) => tags.TryGetValue(name, out var value) ? value as string : null;
}
