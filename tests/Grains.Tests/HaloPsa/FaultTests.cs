using System.Net;
using System.Net.Sockets;
using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.HaloPsa.Errors;
using HaloMcp.Grains.HaloPsa.Queries;
using HaloMcp.Grains.HaloPsa.Resilience;
using HaloMcp.Grains.HaloPsa.Writes;
using HaloMcp.HaloSim;
using Microsoft.Extensions.Time.Testing;

namespace HaloMcp.Grains.Tests.HaloPsa;

public sealed class FaultTests
{
    [Fact]
    public async Task A_429_burst_on_a_read_is_retried_to_success()
    {
        await using var rig = await HaloRig.StartAsync();
        rig.Sim.Faults.ForceRateLimit(2);

        var statuses = await rig.Client.ListStatusesAsync(default);

        Assert.NotEmpty(statuses);
        Assert.Equal([429, 429, 200], (await rig.SettledEntriesAsync()).Where(e => e.Method == "GET").Select(e => e.StatusCode));
        Assert.Equal(3, rig.Gate.Reads);
        Assert.Equal(2, rig.Gate.RateLimited);
    }

    [Fact]
    public async Task Server_errors_on_a_read_are_retried_to_success()
    {
        await using var rig = await HaloRig.StartAsync();
        rig.Sim.Faults.ErrorRate = 0.5;
        rig.Sim.Faults.SeedErrors(SeedWhereFirstDrawsFail(0.5, failures: 2));

        var page = await rig.Client.ListTicketsAsync(new TicketQuery { PageSize = 5 }, default);

        Assert.Equal(5, page.Items.Count);
        var statuses = (await rig.SettledEntriesAsync()).Where(e => e.Method == "GET").Select(e => e.StatusCode).ToList();
        Assert.Equal(3, statuses.Count);
        Assert.All(statuses.Take(2), s => Assert.True(s >= 500));
        Assert.Equal(200, statuses[2]);
        Assert.Equal(3, rig.Gate.Reads);
    }

    [Fact]
    public async Task Persistent_server_errors_on_a_read_become_a_transient_error()
    {
        await using var rig = await HaloRig.StartAsync();
        rig.Sim.Faults.ErrorRate = 1.0;

        var error = await Assert.ThrowsAsync<HaloTransientException>(() => rig.Client.ListStatusesAsync(default));

        Assert.Equal(rig.Options.MaxRetries + 1, await rig.CountAsync("GET", "/api/Status", rig.Options.MaxRetries + 1));
        Assert.Equal(rig.Options.MaxRetries + 1, rig.Gate.Reads);
        Assert.Contains("can be retried", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_persistent_429_without_Retry_After_is_a_rate_limited_error_that_says_to_try_again_shortly_not_after_the_whole_window()
    {
        await using var rig = await HaloRig.StartAsync();
        rig.Sim.Faults.ForceRateLimit(1_000);

        var error = await Assert.ThrowsAsync<HaloRateLimitedException>(() => rig.Client.ListStatusesAsync(default));

        // No Retry-After header: the sim's message names a 5 minute rolling window, in which requests free up one by one.
        Assert.Equal(HaloRetryAfter.Unstated, error.RetryAfter);
        Assert.False(error.Stated);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(rig.Options.MaxRetries + 1, await rig.CountAsync("GET", "/api/Status", rig.Options.MaxRetries + 1));
        Assert.Equal(rig.Options.MaxRetries + 1, rig.Gate.Reads);
        Assert.Equal(rig.Options.MaxRetries + 1, rig.Gate.RateLimited);
        Assert.Contains("without saying for how long", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("300 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_deadline_fails_at_once()
    {
        await using var rig = await HaloRig.StartAsync(s => s.Budget.SendRetryAfter = true);
        rig.Sim.Faults.ForceRateLimit(1);

        var error = await Assert.ThrowsAsync<HaloRateLimitedException>(() => rig.Client.ListStatusesAsync(default));

        Assert.Equal(TimeSpan.FromSeconds(300), error.RetryAfter);
        Assert.Equal(1, await rig.CountAsync("GET", "/api/Status", 1));
        Assert.Equal([TimeSpan.FromSeconds(300)], rig.Gate.RetryAfters);
    }

    [Fact]
    public async Task Retry_after_is_waited_out_on_the_clock()
    {
        var time = new FakeTimeProvider(HaloRigClock.Start);
        await using var rig = await HaloRig.StartAsync(
            s => s.Budget = new SimBudgetOptions { Requests = 100_000, WindowSeconds = 30, SendRetryAfter = true },
            time: time);
        rig.Sim.Faults.ForceRateLimit(1);
        var start = time.GetUtcNow();

        var call = rig.Client.ListStatusesAsync(default);
        await ManualClock.WaitUntilAsync(() => rig.Gate.RateLimited == 1);
        // The clock moves a second at a time; the retry waits for the thirtieth.
        for (var second = 0; second < 29; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            Assert.False(call.IsCompleted, $"the retry went out {second + 1} s after the 429, before its Retry-After of 30 s");
        }

        await ManualClock.AdvanceUntilAsync(time, () => call.IsCompleted, TimeSpan.FromSeconds(1));
        var statuses = await call;

        Assert.NotEmpty(statuses);
        Assert.Equal([TimeSpan.FromSeconds(30)], rig.Gate.RetryAfters);
        var retried = (await rig.SettledEntriesAsync()).Where(e => e.Method == "GET").ToList();
        Assert.Equal([429, 200], retried.Select(e => e.StatusCode));
        Assert.True(retried[1].StartedAt >= start + TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData(SimPostFailureMode.ServerError)]
    [InlineData(SimPostFailureMode.Abort)]
    public async Task Apply_then_fail_on_a_create_is_outcome_unknown_and_never_repeated(SimPostFailureMode mode)
    {
        await using var rig = await HaloRig.StartAsync();
        var clientId = HaloRig.Int(rig.Sim.Data.All(SimEntityKind.Client)[0], "id");
        rig.Sim.Faults.ApplyThenFail(1, mode);
        var summary = $"Outcome unknown {mode}";

        await Assert.ThrowsAsync<HaloWriteOutcomeUnknownException>(
            () => rig.Client.CreateTicketAsync(new HaloTicketWrite { Summary = summary, ClientId = clientId }, default));

        Assert.Single(rig.Sim.Data.Where(SimEntityKind.Ticket, t => HaloRig.Str(t, "summary") == summary));
        Assert.Equal(1, await rig.CountAsync("POST", "/api/Tickets", 1));
        Assert.Equal(1, rig.Gate.Writes);
    }

    [Fact]
    public async Task A_429_on_a_write_is_retried_and_applied_once()
    {
        await using var rig = await HaloRig.StartAsync();
        var clientId = HaloRig.Int(rig.Sim.Data.All(SimEntityKind.Client)[0], "id");
        rig.Sim.Faults.ForceRateLimit(2);

        var ticket = await rig.Client.CreateTicketAsync(new HaloTicketWrite { Summary = "After the burst", ClientId = clientId }, default);

        Assert.Single(rig.Sim.Data.Where(SimEntityKind.Ticket, t => HaloRig.Str(t, "summary") == "After the burst"));
        Assert.Equal(ticket.Id, HaloRig.Int(rig.Sim.Data.Where(SimEntityKind.Ticket, t => HaloRig.Str(t, "summary") == "After the burst")[0], "id"));
        Assert.Equal([429, 429, 200], (await rig.SettledEntriesAsync()).Where(e => e.Method == "POST" && e.Path.StartsWith("/api", StringComparison.Ordinal)).Select(e => e.StatusCode));
        Assert.Equal(3, rig.Gate.Writes);
        Assert.Equal(2, rig.Gate.RateLimited);
    }

    [Fact]
    public async Task A_server_error_on_a_write_is_not_retried()
    {
        await using var rig = await HaloRig.StartAsync();
        var clientId = HaloRig.Int(rig.Sim.Data.All(SimEntityKind.Client)[0], "id");
        rig.Sim.Faults.ErrorRate = 1.0;

        var error = await Assert.ThrowsAsync<HaloWriteOutcomeUnknownException>(
            () => rig.Client.CreateClientAsync(new HaloClientWrite { Name = "Never twice" }, default));

        Assert.Equal(1, await rig.CountAsync("POST", "/api/Client", 1));
        Assert.Equal(1, rig.Gate.Writes);
        Assert.Contains("may or may not have been applied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_that_times_out_after_sending_is_outcome_unknown()
    {
        await using var rig = await HaloRig.StartAsync();
        await rig.Tokens.GetTokenAsync(default);
        var options = HaloRig.FastOptions();
        options.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        var client = rig.NewClient(rig.Tokens, options: options);
        rig.Sim.Faults.Latency = TimeSpan.FromSeconds(30);

        await Assert.ThrowsAsync<HaloWriteOutcomeUnknownException>(
            () => client.CreateClientAsync(new HaloClientWrite { Name = "Slow" }, default));

        Assert.Equal(1, rig.Gate.Writes);
    }

    [Fact]
    public async Task A_read_whose_attempts_time_out_is_retried_then_transient()
    {
        var time = new FakeTimeProvider(HaloRigClock.Start);
        var options = HaloRig.FastOptions();
        options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        options.MaxRetries = 1;
        await using var rig = await HaloRig.StartAsync(options: options, time: time);
        await rig.Tokens.GetTokenAsync(default);
        var client = rig.NewClient(rig.Tokens, options: options);
        rig.Sim.Faults.Latency = TimeSpan.FromSeconds(30);

        // Every attempt hangs at the simulator; the clock, not the machine's speed, decides when each one times out.
        var call = client.ListStatusesAsync(default);
        for (var step = 0; step < 2_000 && !call.IsCompleted; step++)
        {
            await Task.Delay(5);
            time.Advance(TimeSpan.FromMilliseconds(50));
        }

        var error = await Assert.ThrowsAsync<HaloTransientException>(() => call);
        Assert.Equal(2, rig.Gate.Reads);
        Assert.Contains("can be retried", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_that_outlives_the_http_client_timeout_is_retried_then_transient()
    {
        var options = HaloRig.FastOptions();
        options.MaxRetries = 1;
        await using var rig = await HaloRig.StartAsync(options: options);
        await rig.Tokens.GetTokenAsync(default);
        var client = rig.NewClient(rig.Tokens, options: options, httpTimeout: TimeSpan.FromMilliseconds(200));
        rig.Sim.Faults.Latency = TimeSpan.FromSeconds(30);

        await Assert.ThrowsAsync<HaloTransientException>(() => client.ListStatusesAsync(default));

        Assert.Equal(2, rig.Gate.Reads);
    }

    [Fact]
    public async Task Waiting_at_the_gate_counts_against_the_deadline_not_the_attempt_timeout()
    {
        var time = new FakeTimeProvider(HaloRigClock.Start);
        var options = HaloRig.FastOptions();
        options.AttemptTimeout = TimeSpan.FromSeconds(10);
        options.ReadDeadline = TimeSpan.FromSeconds(120);
        await using var rig = await HaloRig.StartAsync(options: options, time: time);
        var slowGate = new DelayingGate(TimeSpan.FromSeconds(60), time);
        var client = rig.NewClient(rig.Tokens, slowGate);

        await rig.Tokens.GetTokenAsync(default);
        var call = client.ListStatusesAsync(default);
        await ManualClock.WaitUntilAsync(() => slowGate.Waiting == 1);
        time.Advance(TimeSpan.FromSeconds(60)); // six attempt timeouts' worth, all spent at the gate
        var passes = await call;

        var tooSlow = new DelayingGate(TimeSpan.FromSeconds(600), time);
        var late = rig.NewClient(rig.Tokens, tooSlow).ListStatusesAsync(default);
        await ManualClock.WaitUntilAsync(() => tooSlow.Waiting == 1);
        time.Advance(TimeSpan.FromSeconds(121));
        var error = await Assert.ThrowsAsync<HaloTransientException>(() => late);

        Assert.NotEmpty(passes);
        Assert.Contains("nothing was sent", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await rig.CountAsync("GET", "/api/Status", 1));
    }

    private sealed class DelayingGate(TimeSpan wait, TimeProvider time) : IHaloRequestGate
    {
        private int _waiting;

        public int Waiting => Volatile.Read(ref _waiting);

        public async ValueTask AcquireAsync(HaloRequestKind kind, CancellationToken cancellationToken)
        {
            var delay = Task.Delay(wait, time, cancellationToken);
            Interlocked.Increment(ref _waiting);
            try
            {
                await delay;
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        public void OnRateLimited(TimeSpan? retryAfter)
        {
        }
    }

    [Fact]
    public async Task A_refused_connection_on_a_write_is_retried_and_reported_as_not_sent()
    {
        await using var rig = await HaloRig.StartAsync();
        var port = FreePort();
        var connection = new HaloConnection($"http://127.0.0.1:{port}", "id", "secret");
        var gate = new CountingRequestGate();
        var client = rig.NewClient(new FixedTokenSource("t"), gate, connection: connection);

        var error = await Assert.ThrowsAsync<HaloTransientException>(
            () => client.CreateClientAsync(new HaloClientWrite { Name = "Unreachable" }, default));

        Assert.Equal(rig.Options.MaxRetries + 1, gate.Writes);
        Assert.Contains("not sent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caller_cancellation_flows_through()
    {
        await using var rig = await HaloRig.StartAsync();
        await rig.Tokens.GetTokenAsync(default);
        rig.Sim.Faults.Latency = TimeSpan.FromSeconds(30);
        using var cts = new CancellationTokenSource();

        var call = rig.Client.ListStatusesAsync(cts.Token);
        await ManualClock.WaitUntilAsync(() => rig.Gate.Reads == 1);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, rig.Gate.Reads);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Mirrors SimFaults.DrawError (one NextDouble and one Next(3) per request) to pick a seed whose first
    // draws fail and the next succeeds.
    private static int SeedWhereFirstDrawsFail(double rate, int failures)
    {
        for (var seed = 1; ; seed++)
        {
            var rng = new Random(seed);
            var ok = true;
            for (var i = 0; i <= failures && ok; i++)
            {
                var hit = rng.NextDouble() < rate;
                rng.Next(3);
                ok = i < failures ? hit : !hit;
            }

            if (ok)
            {
                return seed;
            }
        }
    }
}
