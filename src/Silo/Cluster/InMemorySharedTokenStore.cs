using System.Collections.Concurrent;

namespace HaloMcp.Silo.Cluster;

/// <summary>A single-node <see cref="ISharedTokenStore"/>.</summary>
public sealed class InMemorySharedTokenStore : ISharedTokenStore
{
    private readonly ConcurrentDictionary<string, SharedToken> _tokens = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<SharedToken?> GetAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_tokens.TryGetValue(key, out var token) ? token : null);

    /// <inheritdoc />
    public ValueTask SetAsync(string key, SharedToken token, CancellationToken cancellationToken)
    {
        _tokens[key] = token;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RemoveIfAsync(string key, string rejected, CancellationToken cancellationToken)
    {
        if (_tokens.TryGetValue(key, out var current) && string.Equals(current.AccessToken, rejected, StringComparison.Ordinal))
        {
            _tokens.TryRemove(KeyValuePair.Create(key, current));
        }

        return ValueTask.CompletedTask;
    }
}
