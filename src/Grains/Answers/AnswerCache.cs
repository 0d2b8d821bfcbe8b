using HaloMcp.Grains.Tenancy;

namespace HaloMcp.Grains.Answers;

/// <summary>
/// A tenant's list, search and record answers, cached per exact query (a key the caller forms from it) and tagged with
/// the kinds of record they show. An answer lives while it is younger than the tenant's freshness bound and no change
/// to one of its kinds arrived (<see cref="Drop"/>: a webhook delivery or one of our own writes); callers asking the
/// same thing while it loads share the one request. At most <see cref="Capacity"/> answers are kept: past it the
/// oldest goes.
/// </summary>
/// <remarks>It lives in one grain activation and is used on its scheduler only, so it needs no lock.</remarks>
/// <param name="maxAge">The freshness bound at the time of each read (it follows the tenant's webhook setting).</param>
/// <param name="time">The clock.</param>
public sealed class AnswerCache(Func<TimeSpan> maxAge, TimeProvider time)
{
    /// <summary>The most answers one grain keeps.</summary>
    public const int Capacity = 256;

    private readonly Dictionary<string, Entry> _answers = new(StringComparer.Ordinal);
    private long _added;

    /// <summary>How many answers are held.</summary>
    public int Count => _answers.Count;

    /// <summary>
    /// The answer for <paramref name="key"/>, loaded by <paramref name="load"/> when none is held or it is too old;
    /// <paramref name="query"/> is kept with it for <see cref="Revise{TQuery, T}"/>.
    /// </summary>
    public Task<CacheRead<T>> ReadAsync<T>(string key, AnswerKinds kinds, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken, object? query = null)
    {
        if (!_answers.TryGetValue(key, out var entry) || entry.Answer is not CachedValue<T>)
        {
            if (_answers.Count >= Capacity)
            {
                _answers.Remove(_answers.MinBy(a => a.Value.Added).Key);
            }

            entry = new Entry(new CachedValue<T>(load, maxAge, time), kinds, ++_added, query);
            _answers[key] = entry;
        }

        return ((CachedValue<T>)entry.Answer).ReadAsync(cancellationToken);
    }

    /// <summary>Drops every answer that shows a record of <paramref name="kinds"/>; answers how many went.</summary>
    public int Drop(AnswerKinds kinds)
    {
        var stale = _answers.Where(a => (a.Value.Kinds & kinds) != 0).Select(a => a.Key).ToList();
        foreach (var key in stale)
        {
            _answers.Remove(key);
        }

        return stale.Count;
    }

    /// <summary>
    /// Applies a change known exactly to every loaded answer of <paramref name="kinds"/> that was asked with a
    /// <typeparamref name="TQuery"/> and holds a <typeparamref name="T"/>: <paramref name="revise"/> answers the revised
    /// answer, or null when the change cannot be applied exactly (the answer goes). Every other answer of those kinds
    /// goes, as does one still loading. A revised answer keeps the age of its read.
    /// </summary>
    /// <returns>How many answers were revised or dropped.</returns>
    public int Revise<TQuery, T>(AnswerKinds kinds, Func<TQuery, T, T?> revise)
        where T : class
    {
        var touched = 0;
        foreach (var (key, entry) in _answers.Where(a => (a.Value.Kinds & kinds) != 0).ToList())
        {
            touched++;
            if (entry is { Query: TQuery query, Answer: CachedValue<T> answer } && answer.Peek() is { } held && revise(query, held.Value) is { } revised)
            {
                answer.Update(_ => revised);
            }
            else
            {
                _answers.Remove(key);
            }
        }

        return touched;
    }

    private sealed record Entry(object Answer, AnswerKinds Kinds, long Added, object? Query);
}
