namespace HaloMcp.HaloSim;

/// <summary>
/// Faults injected into one instance's <c>/api</c>. Settable in-process or over HTTP at <c>POST /_sim/faults/{instance}</c>.
/// </summary>
/// <remarks>
/// Latency is real wall-clock time (<see cref="Task.Delay(TimeSpan, CancellationToken)"/>), not the host's
/// <see cref="TimeProvider"/>: concurrency tests need slow requests to genuinely overlap, and a manual clock would
/// hold them forever.
/// </remarks>
public sealed class SimFaults
{
    private readonly Lock _gate = new();
    private Random _errorRng = new(0);
    private int _forced429;
    private int _applyThenFail;
    private string? _applyThenFailPath;
    private SimPostFailureMode _applyThenFailMode;

    /// <summary>Wall-clock delay added to every <c>/api</c> request.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Fraction (0..1) of <c>/api</c> requests answered with a 500, 502 or 503 instead of being served.</summary>
    public double ErrorRate { get; set; }

    /// <summary>Requests still to be answered 429 by <see cref="ForceRateLimit"/>.</summary>
    public int PendingForced429
    {
        get
        {
            lock (_gate)
            {
                return _forced429;
            }
        }
    }

    /// <summary>POSTs still to be failed after being applied.</summary>
    public int PendingApplyThenFail
    {
        get
        {
            lock (_gate)
            {
                return _applyThenFail;
            }
        }
    }

    /// <summary>Seeds the error-rate draws so a run of requests fails the same way each time.</summary>
    public void SeedErrors(int seed)
    {
        lock (_gate)
        {
            _errorRng = new Random(seed);
        }
    }

    /// <summary>The next <paramref name="count"/> <c>/api</c> requests get 429 (without consuming budget).</summary>
    public void ForceRateLimit(int count)
    {
        lock (_gate)
        {
            _forced429 = Math.Max(0, count);
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> POSTs (to paths starting with <paramref name="pathPrefix"/>, relative to the
    /// instance, when given) are applied and committed, then answered as <paramref name="mode"/> says.
    /// </summary>
    public void ApplyThenFail(int count, SimPostFailureMode mode = SimPostFailureMode.ServerError, string? pathPrefix = null)
    {
        lock (_gate)
        {
            _applyThenFail = Math.Max(0, count);
            _applyThenFailMode = mode;
            _applyThenFailPath = pathPrefix;
        }
    }

    /// <summary>Clears every fault.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            Latency = TimeSpan.Zero;
            ErrorRate = 0;
            _forced429 = 0;
            _applyThenFail = 0;
            _applyThenFailPath = null;
            _errorRng = new Random(0);
        }
    }

    internal bool TakeForced429()
    {
        lock (_gate)
        {
            if (_forced429 <= 0)
            {
                return false;
            }

            _forced429--;
            return true;
        }
    }

    /// <summary>Draws whether this request fails; returns the status to answer, or 0.</summary>
    internal int DrawError()
    {
        lock (_gate)
        {
            if (ErrorRate <= 0)
            {
                return 0;
            }

            var hit = _errorRng.NextDouble() < ErrorRate;
            var which = _errorRng.Next(3);
            return hit ? which switch { 0 => 500, 1 => 502, _ => 503 } : 0;
        }
    }

    internal SimPostFailureMode? TakeApplyThenFail(string path)
    {
        lock (_gate)
        {
            if (_applyThenFail <= 0
                || (_applyThenFailPath is not null && !path.StartsWith(_applyThenFailPath, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            _applyThenFail--;
            return _applyThenFailMode;
        }
    }
}
