using Microsoft.Extensions.Logging;

namespace HaloMcp.HaloSim;

/// <summary>The instances one simulator host serves; the first is the default served at the root.</summary>
internal sealed class SimInstanceRegistry : IAsyncDisposable
{
    private readonly Dictionary<string, SimInstance> _byName;

    public SimInstanceRegistry(HaloSimOptions options, TimeProvider time, IHttpClientFactory http, ILoggerFactory loggers)
    {
        Time = time;
        Instances = options.EffectiveInstances().Select(o => new SimInstance(o, time, http, loggers)).ToList();
        _byName = new Dictionary<string, SimInstance>(StringComparer.OrdinalIgnoreCase);
        foreach (var instance in Instances)
        {
            if (string.IsNullOrWhiteSpace(instance.Name) || !_byName.TryAdd(instance.Name, instance))
            {
                throw new InvalidOperationException($"HaloSim instance names must be unique and non-empty ('{instance.Name}').");
            }
        }
    }

    public TimeProvider Time { get; }

    public IReadOnlyList<SimInstance> Instances { get; }

    public SimInstance Default => Instances[0];

    public SimInstance? Find(string name) => _byName.GetValueOrDefault(name);

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in Instances)
        {
            await instance.DisposeAsync();
        }
    }
}
