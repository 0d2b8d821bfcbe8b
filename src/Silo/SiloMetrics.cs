using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HaloMcp.Silo;

/// <summary>The silo's instruments on the <c>HaloMcp.Silo</c> meter.</summary>
internal sealed class SiloMetrics
{
    public const string MeterName = "HaloMcp.Silo";

    private readonly Counter<long> _activationsCreated;
    private readonly Counter<long> _activationsCollected;
    private readonly Counter<long> _calls;
    private readonly Counter<long> _errors;
    private readonly Histogram<double> _duration;

    public SiloMetrics(IMeterFactory meterFactory, IEnumerable<GrainTypeInfo> grainTypes)
    {
        var meter = meterFactory.Create(MeterName);
        var types = grainTypes.ToArray();
        meter.CreateObservableUpDownCounter(
            "halomcp.silo.activations",
            () => types.Select(t => new Measurement<long>(t.Activations, t.TypeTag)),
            unit: "{activation}",
            description: "Activations currently alive, per grain type.");
        _activationsCreated = meter.CreateCounter<long>(
            "halomcp.silo.activations.created", "{activation}", "Activations created, per grain type.");
        _activationsCollected = meter.CreateCounter<long>(
            "halomcp.silo.activations.collected", "{activation}", "Activations deactivated, per grain type and reason.");
        _calls = meter.CreateCounter<long>(
            "halomcp.silo.calls", "{call}", "Grain calls completed, per grain type and method.");
        _errors = meter.CreateCounter<long>(
            "halomcp.silo.call.errors", "{call}", "Grain calls that failed, per grain type, method and error type.");
        _duration = meter.CreateHistogram<double>(
            "halomcp.silo.call.duration", "ms", "Grain call duration from dispatch to completion, queueing included.");
    }

    public void RecordActivated(GrainTypeInfo grainType) => _activationsCreated.Add(1, grainType.TypeTag);

    public void RecordDeactivated(GrainTypeInfo grainType, DeactivationReason reason) =>
        _activationsCollected.Add(1, grainType.TypeTag, new KeyValuePair<string, object?>("deactivation.reason", reason.ReasonCode.ToString()));

    public void RecordCall(GrainMethod method, TimeSpan duration, Exception? error)
    {
        var tags = new TagList { method.GrainType.TypeTag, method.MethodTag };
        _calls.Add(1, tags);
        _duration.Record(duration.TotalMilliseconds, tags);
        if (error is not null)
        {
            tags.Add("error.type", error.GetType().Name);
            _errors.Add(1, tags);
        }
    }
}
