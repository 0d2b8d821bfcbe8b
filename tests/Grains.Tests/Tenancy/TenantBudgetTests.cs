using HaloMcp.Grains.Errors;
using HaloMcp.Grains.Tenancy;
using Microsoft.Extensions.Time.Testing;

namespace HaloMcp.Grains.Tests.Tenancy;

public sealed class TenantBudgetTests
{
    private static readonly RequestBudget Budget = new(300, TimeSpan.FromSeconds(300));

    private static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));

    /// <summary>A budget woken by a timer on <paramref name="clock"/>, as the tenant grain wakes it with a grain timer.</summary>
    private static TenantBudget Create(FakeTimeProvider clock, RequestBudget? budget = null, TimeSpan? skew = null, Action<DateTimeOffset>? granted = null)
    {
        TenantBudget? created = null;
        ITimer? timer = null;
        created = new TenantBudget(
            () => budget ?? Budget,
            clock,
            new BudgetEnforcementOptions { SkewMargin = skew ?? TimeSpan.FromSeconds(2) },
            due =>
            {
                timer ??= clock.CreateTimer(_ => created!.WakeUp(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                timer.Change(due, Timeout.InfiniteTimeSpan);
            },
            granted);
        return created;
    }

    [Fact]
    public async Task Five_thousand_callers_over_ten_minutes_never_exceed_N_in_any_window()
    {
        var clock = NewClock();
        var granted = new List<DateTimeOffset>();
        var budget = Create(clock, granted: t =>
        {
            lock (granted)
            {
                granted.Add(t);
            }
        });
        var start = clock.GetUtcNow();
        var callers = new List<Task>();

        // About eight callers arrive every simulated second for ten minutes; each is willing to wait 90 s.
        for (var second = 0; second < 600; second++)
        {
            var arriving = (5_000 * (second + 1) / 600) - (5_000 * second / 600);
            for (var i = 0; i < arriving; i++)
            {
                callers.Add(budget.AcquireAsync(clock.GetUtcNow() + TimeSpan.FromSeconds(90), CancellationToken.None).AsTask());
            }

            clock.Advance(TimeSpan.FromSeconds(1));
        }

        clock.Advance(TimeSpan.FromMinutes(3));
        await WaitAllSettled(callers);

        Assert.Equal(5_000, callers.Count);
        var rejected = callers.Where(t => t.IsFaulted).ToList();
        Assert.All(rejected, t =>
            Assert.Equal(HaloFailureKind.RateLimited, Assert.IsType<HaloOperationException>(t.Exception!.InnerException).Kind));
        Assert.NotEmpty(rejected);
        List<DateTimeOffset> grants;
        lock (granted)
        {
            grants = [.. granted.Order()];
        }

        Assert.Equal(5_000 - rejected.Count, grants.Count);

        // The invariant, checked at every grant: the window (t - W, t] never holds more than N.
        for (var i = 0; i < grants.Count; i++)
        {
            var inWindow = grants.Count(g => g > grants[i] - Budget.Window && g <= grants[i]);
            Assert.True(inWindow <= Budget.Requests, $"{inWindow} permits in the window ending {grants[i]:O}");
        }

        // And the budget is used, not hoarded: the first window is filled, and every window after is nearly full.
        Assert.Equal(Budget.Requests, grants.Count(g => g < start + Budget.Window));
        Assert.True(grants.Count >= 2 * Budget.Requests - 10, $"only {grants.Count} permits in ten minutes");
    }

    [Fact]
    public async Task Waiters_are_served_in_arrival_order()
    {
        var clock = NewClock();
        var budget = Create(clock, new RequestBudget(3, TimeSpan.FromSeconds(10)), TimeSpan.Zero);
        for (var i = 0; i < 3; i++)
        {
            await budget.AcquireAsync(clock.GetUtcNow() + TimeSpan.FromMinutes(5), CancellationToken.None);
        }

        var waiters = Enumerable.Range(0, 9)
            .Select(_ => budget.AcquireAsync(clock.GetUtcNow() + TimeSpan.FromMinutes(5), CancellationToken.None).AsTask())
            .ToList();

        Assert.Equal(9, budget.QueueLength);
        Assert.All(waiters, w => Assert.False(w.IsCompleted));
        for (var window = 1; window <= 3; window++)
        {
            clock.Advance(TimeSpan.FromSeconds(10));
            var served = 3 * window;
            await WaitUntil(() => waiters.Take(served).All(w => w.IsCompleted));
            // Each window frees three permits, and they go to the three callers that arrived first.
            Assert.All(waiters.Skip(served), w => Assert.False(w.IsCompleted));
        }

        await Task.WhenAll(waiters);
        Assert.Equal(9, budget.GrantedAfterWaiting);
    }

    [Fact]
    public async Task A_caller_whose_deadline_comes_before_the_next_slot_is_refused_at_once_with_the_retry_time()
    {
        var clock = NewClock();
        var budget = Create(clock, new RequestBudget(2, TimeSpan.FromSeconds(60)), TimeSpan.Zero);
        await budget.AcquireAsync(clock.GetUtcNow() + TimeSpan.FromSeconds(1), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(10));
        await budget.AcquireAsync(clock.GetUtcNow() + TimeSpan.FromSeconds(1), CancellationToken.None);

        var refused = budget.AcquireAsync(clock.GetUtcNow() + TimeSpan.FromSeconds(5), CancellationToken.None).AsTask();
        var error = await Assert.ThrowsAsync<HaloOperationException>(() => refused);
        Assert.Equal(HaloFailureKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(50), error.RetryAfter); // the first permit leaves the window at t=60
        Assert.Contains("retry after 50 s", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, budget.Rejected);
    }

    [Fact]
    public async Task A_patient_caller_gets_the_next_slot_when_the_clock_reaches_it()
    {
        var clock = NewClock();
        var budget = Create(clock, new RequestBudget(1, TimeSpan.FromSeconds(60)), TimeSpan.Zero);
        await budget.AcquireAsync(clock.GetUtcNow(), CancellationToken.None);
        var waiting = budget.AcquireAsync(clock.GetUtcNow() + TimeSpan.FromMinutes(2), CancellationToken.None).AsTask();

        clock.Advance(TimeSpan.FromSeconds(59));
        await Task.Yield();
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await waiting;
        Assert.Equal(1, budget.GrantedAfterWaiting);
    }

    [Fact]
    public async Task A_429_pauses_every_permit_for_the_time_it_names()
    {
        var clock = NewClock();
        var budget = Create(clock);
        budget.Pause(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<HaloOperationException>(() =>
            budget.AcquireAsync(clock.GetUtcNow() + TimeSpan.FromSeconds(10), CancellationToken.None).AsTask());
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);

        var patient = budget.AcquireAsync(clock.GetUtcNow() + TimeSpan.FromMinutes(1), CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromSeconds(29));
        await Task.Yield();
        Assert.False(patient.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await patient;
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_and_does_not_block_those_behind_it()
    {
        var clock = NewClock();
        var budget = Create(clock, new RequestBudget(1, TimeSpan.FromSeconds(10)), TimeSpan.Zero);
        await budget.AcquireAsync(clock.GetUtcNow(), CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var cancelled = budget.AcquireAsync(clock.GetUtcNow() + TimeSpan.FromMinutes(1), cts.Token).AsTask();
        var behind = budget.AcquireAsync(clock.GetUtcNow() + TimeSpan.FromMinutes(1), CancellationToken.None).AsTask();

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(1, budget.QueueLength);
        clock.Advance(TimeSpan.FromSeconds(10));
        await behind;
    }

    [Fact]
    public void The_grant_log_grows_its_ring_with_use_and_keeps_the_oldest_grant_first_across_wrap_around()
    {
        var log = new RequestGrantLog();
        var budget = new RequestBudget(10, TimeSpan.FromSeconds(100));
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        // Three grants, two of which expire, so the ring's head moves before it has to grow past its first size.
        for (var i = 0; i < 3; i++)
        {
            Assert.True(log.TryTake(budget, t0.AddSeconds(i)).Granted);
        }

        var later = t0.AddSeconds(101.5);
        for (var i = 0; i < 9; i++)
        {
            Assert.True(log.TryTake(budget, later.AddSeconds(i * 0.01)).Granted);
        }

        // In the window: the grant at t0+2 s and nine later ones = 10 = N, so the next is refused until t0+2 s leaves.
        var refused = log.TryTake(budget, later.AddSeconds(0.1));
        Assert.False(refused.Granted);
        Assert.Equal(t0.AddSeconds(102), refused.NextSlotAt);
        Assert.Equal(10, log.Usage(budget, later.AddSeconds(0.1)).InWindow);
        Assert.True(log.TryTake(budget, t0.AddSeconds(102)).Granted);
        var next = log.TryTake(budget, t0.AddSeconds(102));
        Assert.False(next.Granted);
        Assert.Equal(later.AddSeconds(100), next.NextSlotAt);
    }

    [Fact]
    public async Task A_budget_is_idle_only_once_its_grants_have_left_the_window()
    {
        var clock = NewClock();
        var budget = Create(clock, new RequestBudget(2, TimeSpan.FromSeconds(60)), TimeSpan.Zero);
        await budget.AcquireAsync(clock.GetUtcNow(), CancellationToken.None);
        await budget.AcquireAsync(clock.GetUtcNow(), CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(59));
        // Still counted: the tenant grain must stay (it delays its deactivation), and a third permit must wait.
        Assert.False(budget.IsIdle);
        await Assert.ThrowsAsync<HaloOperationException>(() => budget.AcquireAsync(clock.GetUtcNow(), CancellationToken.None).AsTask());

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(budget.IsIdle);
    }

    [Fact]
    public void The_enforced_window_includes_the_skew_margin()
    {
        var clock = NewClock();
        var budget = Create(clock, new RequestBudget(300, TimeSpan.FromMinutes(5)), TimeSpan.FromSeconds(2));
        Assert.Equal(new RequestBudget(300, TimeSpan.FromSeconds(302)), budget.EnforcedBudget);
    }

    private static async Task WaitAllSettled(IEnumerable<Task> tasks)
    {
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (HaloOperationException)
        {
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        // Bounded spin on the thread pool: continuations run asynchronously, so give them turns; no wall-clock waits.
        for (var i = 0; i < 10_000 && !condition(); i++)
        {
            await Task.Yield();
        }

        Assert.True(condition());
    }
}
