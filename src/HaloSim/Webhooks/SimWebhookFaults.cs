namespace HaloMcp.HaloSim.Webhooks;

/// <summary>
/// Faults on one instance's webhook deliveries, for tests of a receiver: lost deliveries (the receiver never hears of
/// the change) and late ones. A delay runs on the instance's <see cref="TimeProvider"/>, so a test moves it with its
/// clock; deliveries queued while a delay is set arrive after ones queued later without it.
/// </summary>
public sealed class SimWebhookFaults
{
    private readonly Lock _gate = new();
    private Random _dropRng = new(0);
    private int _dropNext;
    private double _dropRate;
    private TimeSpan _delay;

    /// <summary>Fraction (0..1) of deliveries dropped (never sent; recorded as dropped).</summary>
    public double DropRate
    {
        get { lock (_gate) { return _dropRate; } }
        set { lock (_gate) { _dropRate = Math.Clamp(value, 0, 1); } }
    }

    /// <summary>Deliveries still to be dropped before <see cref="DropRate"/> applies.</summary>
    public int DropNext
    {
        get { lock (_gate) { return _dropNext; } }
        set { lock (_gate) { _dropNext = Math.Max(0, value); } }
    }

    /// <summary>How long each delivery waits, on the instance's clock, before it is sent.</summary>
    public TimeSpan Delay
    {
        get { lock (_gate) { return _delay; } }
        set { lock (_gate) { _delay = value < TimeSpan.Zero ? TimeSpan.Zero : value; } }
    }

    /// <summary>Seeds the drop-rate draws so a run drops the same deliveries each time.</summary>
    public void SeedDrops(int seed)
    {
        lock (_gate)
        {
            _dropRng = new Random(seed);
        }
    }

    /// <summary>Clears every webhook fault.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _dropNext = 0;
            _dropRate = 0;
            _delay = TimeSpan.Zero;
            _dropRng = new Random(0);
        }
    }

    internal bool TakeDrop()
    {
        lock (_gate)
        {
            if (_dropNext > 0)
            {
                _dropNext--;
                return true;
            }

            return _dropRate > 0 && _dropRng.NextDouble() < _dropRate;
        }
    }
}
