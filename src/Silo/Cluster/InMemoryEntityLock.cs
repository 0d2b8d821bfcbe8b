using System.Collections.Concurrent;

namespace HaloMcp.Silo.Cluster;

/// <summary>A single-node <see cref="IEntityLock"/>: one FIFO semaphore per key, dropped when nobody holds or waits.</summary>
public sealed class InMemoryEntityLock : IEntityLock
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    /// <summary>How many keys are held or awaited right now.</summary>
    public int ActiveKeys => _slots.Count;

    /// <inheritdoc />
    public async ValueTask<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        Slot slot;
        while (true)
        {
            slot = _slots.GetOrAdd(key, static _ => new Slot());
            lock (slot)
            {
                if (!slot.Retired)
                {
                    slot.Users++;
                    break;
                }
            }
        }

        try
        {
            await slot.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(key, slot);
            throw;
        }

        return new Releaser(this, key, slot);
    }

    private void Leave(string key, Slot slot)
    {
        lock (slot)
        {
            if (--slot.Users == 0)
            {
                slot.Retired = true;
                _slots.TryRemove(KeyValuePair.Create(key, slot));
            }
        }
    }

    private sealed class Slot
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }

        public bool Retired { get; set; }
    }

    private sealed class Releaser(InMemoryEntityLock owner, string key, Slot slot) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slot.Semaphore.Release();
                owner.Leave(key, slot);
            }

            return ValueTask.CompletedTask;
        }
    }
}
