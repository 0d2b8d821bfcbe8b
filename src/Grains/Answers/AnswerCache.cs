using HaloMcp.Grains.Tenancy;

namespace HaloMcp.Grains.Answers;

/// <summary>
/// A tenant's list, search and record answers, cached per exact query (a key the caller forms from it) and tagged with
/// the kinds of record they show. An answer lives while it is younger than the tenant's freshness bound and no change
/// to one of its kinds arrived (<see cref="Drop"/>: a webhook delivery or one of our own writes); callers asking the
/// same thing while it loads share the one request, which is cancelled (and leaves the budget's queue) once every one
/// of them gave up. At most <see cref="Capacity"/> answers are kept: past it the oldest goes. Answers belong to the
/// tenant's HaloPSA connection: when its settings name another instance or other credentials, every answer goes. HaloPSA
/// applies permissions per agent, so answers are kept per <see cref="ActingAgent.CacheIdentity"/> and never shared
/// across identities (each identity's load runs as it).
/// </summary>
/// <remarks>It lives in one grain activation and is used on its scheduler only, so it needs no lock.</remarks>
/// <param name="maxAge">The freshness bound at the time of each read (it follows the tenant's webhook setting).</param>
/// <param name="time">The clock.</param>
/// <param name="connection">The tenant's HaloPSA connection as its settings name it now (null when it has none).</param>
public sealed class AnswerCache(Func<TimeSpan> maxAge, TimeProvider time, Func<object?> connection)
{
    /// <summary>The most answers one grain keeps.</summary>
    public const int Capacity = 256;

    private readonly Dictionary<string, Entry> _answers = new(StringComparer.Ordinal);
    private long _added;
    private object? _connection;

    /// <summary>How many answers are held (loaded or loading).</summary>
    public int Count => _answers.Count;

    /// <summary>
    /// The answer for <paramref name="key"/>, loaded by <paramref name="load"/> when none is held or it is too old;
    /// <paramref name="query"/> is kept with it for <see cref="Revise{TQuery, T}"/>.
    /// </summary>
    public async Task<CacheRead<T>> ReadAsync<T>(string key, AnswerKinds kinds, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken, object? query = null)
    {
        var current = connection();
        if (!Equals(current, _connection))
        {
            _answers.Clear();
            _connection = current;
        }

        var identity = ActingAgent.CacheIdentity;
        key = string.Concat(identity, "\u001e", key);
        var now = time.GetUtcNow();
        if (_answers.TryGetValue(key, out var held) && held.Loaded is { Value: T value } loaded && now - loaded.AsOf < maxAge())
        {
            return new CacheRead<T>(value, loaded.AsOf, true, now - loaded.AsOf);
        }

        var entry = held is { Loading: Task<Answer> } ? held : Start(key, kinds, query, identity, load);
        entry.Waiting++;
        try
        {
            var answer = await entry.Loading!.WaitAsync(cancellationToken);
            return new CacheRead<T>((T)answer.Value!, answer.AsOf, false, time.GetUtcNow() - answer.AsOf);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && entry.Waiting == 1 && entry.Loading is { IsCompleted: false })
        {
            // The last caller waiting for it gave up: the request goes too (out of the budget's queue, if it waits there).
            Forget(key, entry);
            await entry.Cancel.CancelAsync();
            throw;
        }
        finally
        {
            entry.Waiting--;
        }
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
    /// goes, as does one still loading, and every answer of another identity than <paramref name="identity"/> (the one
    /// the change's state was read as). A revised answer keeps the age of its read.
    /// </summary>
    /// <returns>How many answers were revised or dropped.</returns>
    public int Revise<TQuery, T>(AnswerKinds kinds, string? identity, Func<TQuery, T, T?> revise)
        where T : class
    {
        var touched = 0;
        foreach (var (key, entry) in _answers.Where(a => (a.Value.Kinds & kinds) != 0).ToList())
        {
            touched++;
            if (entry is { Query: TQuery query, Loading: null, Loaded: { Value: T value } loaded } && entry.Identity == identity && revise(query, value) is { } revised)
            {
                entry.Loaded = loaded with { Value = revised };
            }
            else
            {
                _answers.Remove(key);
            }
        }

        return touched;
    }

    private Entry Start<T>(string key, AnswerKinds kinds, object? query, string? identity, Func<CancellationToken, Task<T>> load)
    {
        if (!_answers.ContainsKey(key) && _answers.Count >= Capacity)
        {
            _answers.Remove(_answers.MinBy(a => a.Value.Added).Key);
        }

        var entry = new Entry(kinds, ++_added, query, identity);
        _answers[key] = entry;
        entry.Loading = LoadAsync(key, entry, load);
        return entry;
    }

    private async Task<Answer> LoadAsync<T>(string key, Entry entry, Func<CancellationToken, Task<T>> load)
    {
        // Back to the caller before the load starts, so that the entry holds the task before it can complete.
        await Task.Yield();

        // An answer is current at least from the moment it was asked for.
        var asOf = time.GetUtcNow();
        try
        {
            var answer = new Answer(await load(entry.Cancel.Token), asOf);
            if (_answers.TryGetValue(key, out var mapped) && ReferenceEquals(mapped, entry))
            {
                // Still wanted: nothing dropped it while it was on its way.
                entry.Loaded = answer;
                entry.Loading = null;
            }

            return answer;
        }
        catch
        {
            Forget(key, entry);
            throw;
        }
    }

    private void Forget(string key, Entry entry)
    {
        if (_answers.TryGetValue(key, out var mapped) && ReferenceEquals(mapped, entry))
        {
            _answers.Remove(key);
        }
    }

    private sealed record Answer(object? Value, DateTimeOffset AsOf);

    private sealed class Entry(AnswerKinds kinds, long added, object? query, string? identity)
    {
        public string? Identity { get; } = identity;

        public AnswerKinds Kinds { get; } = kinds;

        public long Added { get; } = added;

        public object? Query { get; } = query;

        public Answer? Loaded { get; set; }

        public Task<Answer>? Loading { get; set; }

        public int Waiting { get; set; }

        public CancellationTokenSource Cancel { get; } = new();
    }
}
