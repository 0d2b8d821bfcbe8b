namespace HaloMcp.HaloSim;

/// <summary>Every request one instance served (including <c>/auth</c>, 429s and injected faults), in completion order.</summary>
public sealed class SimRequestLog
{
    private static long s_sequence;
    private readonly Lock _gate = new();
    private readonly List<SimRequestLogEntry> _entries = [];

    /// <summary>A snapshot of the entries so far.</summary>
    public IReadOnlyList<SimRequestLogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>
    /// How many requests used <paramref name="method"/> (case-insensitive; "*" for any) on a path starting with
    /// <paramref name="pathPrefix"/> (case-insensitive, relative to the instance, e.g. <c>/api/Tickets</c>).
    /// </summary>
    public int Count(string method, string pathPrefix)
    {
        lock (_gate)
        {
            return _entries.Count(e =>
                (method == "*" || string.Equals(e.Method, method, StringComparison.OrdinalIgnoreCase))
                && e.Path.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Forgets every entry.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    /// <summary>Takes the next value of the global request sequence.</summary>
    internal static long NextSequence() => Interlocked.Increment(ref s_sequence);

    internal void Add(SimRequestLogEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }
}
