namespace HaloMcp.Grains.Upstream;

/// <summary>
/// Queries a grain refused as too wide to scan, with how many records HaloPSA said they match, remembered for
/// <see cref="Memory"/>: a repeat is refused without asking HaloPSA again. Such counts change slowly (thousands of
/// invoices do not become hundreds in minutes); the memory is bounded and lives in one activation.
/// </summary>
/// <remarks>Used on its grain's scheduler only, so it needs no lock.</remarks>
/// <param name="time">The clock.</param>
public sealed class RefusedScans(TimeProvider time)
{
    /// <summary>How long a refusal is remembered.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromMinutes(10);

    private const int Capacity = 64;
    private readonly Dictionary<object, (int Records, DateTimeOffset At)> _refused = [];

    /// <summary>The record count of <paramref name="query"/> when it was refused lately; null otherwise.</summary>
    public int? Refuses(object query)
    {
        if (_refused.TryGetValue(query, out var refusal) && time.GetUtcNow() - refusal.At < Memory)
        {
            return refusal.Records;
        }

        _refused.Remove(query);
        return null;
    }

    /// <summary>Remembers that <paramref name="query"/> matches <paramref name="records"/> records, too many to scan.</summary>
    public void Remember(object query, int records)
    {
        if (_refused.Count >= Capacity)
        {
            _refused.Remove(_refused.MinBy(r => r.Value.At).Key);
        }

        _refused[query] = (records, time.GetUtcNow());
    }
}
