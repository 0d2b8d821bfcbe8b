using System.Collections.Concurrent;
using System.Diagnostics;

namespace HaloMcp.Bench.Scenarios;

/// <summary>
/// What the assistants of one morning run share: the simulator (for a colleague's changes in HaloPSA's UI and its
/// webhook deliveries), whether the tenant receives webhooks, the freshness bound on the run's clock, and a ledger of
/// every update made, so that an assistant's check of its own write accepts a later write by another assistant.
/// </summary>
/// <param name="sim">The simulator's control surface.</param>
/// <param name="webhooks">Whether the simulator posts every change to the server.</param>
/// <param name="bound">How old a cached copy may be without webhooks, in real time (the bound scaled like the clock).</param>
internal sealed class MorningWorld(SimClient sim, bool webhooks, TimeSpan bound)
{
    private readonly ConcurrentQueue<(int Ticket, string Field, int Value, long At)> _writes = new();

    public SimClient Sim { get; } = sim;

    public bool Webhooks { get; } = webhooks;

    public TimeSpan Bound { get; } = bound;

    /// <summary>Records that <paramref name="field"/> of <paramref name="ticket"/> was set to <paramref name="value"/> now.</summary>
    public long Wrote(int ticket, string field, int value)
    {
        var at = Stopwatch.GetTimestamp();
        _writes.Enqueue((ticket, field, value, at));
        return at;
    }

    /// <summary>Whether <paramref name="value"/> was written to the field by anyone at or after <paramref name="since"/>.</summary>
    public bool WrittenSince(int ticket, string field, int value, long since) =>
        _writes.Any(w => w.Ticket == ticket && w.Field == field && w.Value == value && w.At >= since);

    /// <summary>Waits until the simulator has sent every delivery it formed (a bounded wait for work in flight).</summary>
    public async Task DeliveredAsync(CancellationToken cancellationToken)
    {
        var giveUp = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 30);
        while ((await Sim.DeliveriesAsync(cancellationToken)).Any(d => d.State == "queued"))
        {
            if (Stopwatch.GetTimestamp() > giveUp)
            {
                throw new TimeoutException("The simulator's webhook deliveries did not go out within 30 s.");
            }

            await Task.Delay(5, cancellationToken);
        }
    }
}
