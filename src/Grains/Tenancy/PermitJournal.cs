using Orleans.Storage;

namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// Keeps a tenant's <see cref="BudgetJournal"/> in grain storage, one write per reservation. The rule that keeps the
/// budget across a silo's death: a permit leaves only once a durable reservation covers it, and an activation that
/// finds a reservation it did not close counts every permit of it as spent at the moment it recovers (it cannot know
/// how many went out, or when). Closed reservations are kept as exact counts at the time of their last permit. So at
/// most one reservation's unused permits are lost for one window per silo death; a graceful deactivation writes the
/// exact count and loses none.
/// </summary>
/// <remarks>
/// Storage writes carry an ETag: an activation that lost the journal to another (after a false death declaration) can
/// no longer reserve, and the permits it may still hand out are those the other counted as spent when it took over.
/// </remarks>
/// <param name="state">The grain's persistent state.</param>
/// <param name="lost">Called when a write finds that another activation has written the journal since it was read.</param>
public sealed class PermitJournal(IPersistentState<BudgetJournal> state, Action lost) : IPermitJournal
{
    private int _used;
    private DateTimeOffset _lastSpent;

    /// <inheritdoc />
    public int Available { get; private set; }

    /// <summary>
    /// What the stored journal says was spent, for <see cref="TenantBudget.Restore"/>: closed reservations at their
    /// times, an open one in full at <paramref name="now"/>.
    /// </summary>
    public IReadOnlyList<(DateTimeOffset At, int Count)> Recover(DateTimeOffset now)
    {
        var journal = state.State;
        if (journal.ReservedAt is not null && journal.Reserved > 0)
        {
            // From now on the open reservation is spent permits like any other (written so with the next reservation).
            journal.Spent.Add(new SpentPermits(now, journal.Reserved));
        }

        journal.ReservedAt = null;
        journal.Reserved = 0;
        return [.. journal.Spent.Select(s => (s.At, s.Count))];
    }

    /// <summary>The pause the stored journal names.</summary>
    public DateTimeOffset? RecoveredPause => state.State.PausedUntil;

    /// <inheritdoc />
    public async Task ReserveAsync(int count, DateTimeOffset now, DateTimeOffset windowStart, DateTimeOffset? pausedUntil)
    {
        var next = new BudgetJournal
        {
            Spent = Closed(windowStart),
            ReservedAt = now,
            Reserved = count,
            PausedUntil = pausedUntil,
        };
        await WriteAsync(next);
        Available = count;
        _used = 0;
    }

    /// <inheritdoc />
    public void Spend(DateTimeOffset at)
    {
        Available--;
        _used++;
        _lastSpent = at;
    }

    /// <summary>
    /// The activation is going away: with nothing left in the window the record goes (nothing of it counts any more);
    /// otherwise the open reservation is closed with its exact count, so the next activation loses no permit.
    /// </summary>
    public async Task CloseAsync(bool idle, DateTimeOffset windowStart, DateTimeOffset? pausedUntil)
    {
        if (idle)
        {
            if (state.RecordExists)
            {
                await state.ClearStateAsync();
            }

            return;
        }

        await WriteAsync(new BudgetJournal { Spent = Closed(windowStart), PausedUntil = pausedUntil });
        Available = 0;
        _used = 0;
    }

    // The journal's spent permits still in the window, plus the permits used of the open reservation, which this
    // activation knows exactly.
    private List<SpentPermits> Closed(DateTimeOffset windowStart)
    {
        var journal = state.State;
        var spent = journal.Spent.Where(s => s.At > windowStart).ToList();
        if (journal.ReservedAt is not null && _used > 0 && _lastSpent > windowStart)
        {
            spent.Add(new SpentPermits(_lastSpent, _used));
        }

        return spent;
    }

    private async Task WriteAsync(BudgetJournal next)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            state.State = previous;
            if (ex is InconsistentStateException)
            {
                lost();
            }

            throw;
        }
    }
}
