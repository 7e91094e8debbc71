namespace ChangeOrchestrator.Engine.Observation;

/// <summary>
/// Tells whoever watches (the console's live pages) that an instance changed, right after the commit, so they re-read
/// it instead of polling. In-process only: a commit on another node is not seen here, which watchers cover with a
/// slow fallback poll. Handlers run on the committing thread and must only signal, never do work.
/// </summary>
public sealed class InstanceChangeFeed
{
    private readonly Lock _lock = new();
    private Action<InstanceChange>[] _handlers = [];

    public int Subscribers => Volatile.Read(ref _handlers).Length;

    public IDisposable Subscribe(Action<InstanceChange> handler)
    {
        lock (_lock)
        {
            _handlers = [.. _handlers, handler];
        }

        return new Subscription(this, handler);
    }

    public void Publish(InstanceChange change)
    {
        // Copy-on-write: publishing, on the engine's hot path, takes no lock and allocates nothing.
        foreach (var handler in Volatile.Read(ref _handlers))
        {
            handler(change);
        }
    }

    private void Unsubscribe(Action<InstanceChange> handler)
    {
        lock (_lock)
        {
            _handlers = [.. _handlers.Where(h => h != handler)];
        }
    }

    private sealed class Subscription(InstanceChangeFeed feed, Action<InstanceChange> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                feed.Unsubscribe(handler);
            }
        }
    }
}
