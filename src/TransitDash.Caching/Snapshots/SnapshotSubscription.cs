using System.Threading.Channels;

namespace TransitDash.Snapshots;

/// <summary>A subscriber's queue of <see cref="SnapshotChange"/>s (from <see cref="SnapshotStore.Subscribe"/>).
/// It is bounded: when the subscriber falls behind, the oldest notifications are dropped (and counted in
/// <see cref="Dropped"/>), so a slow subscriber never grows memory or slows the poller. Dispose it to unsubscribe.</summary>
public sealed class SnapshotSubscription : IDisposable
{
    private readonly Channel<SnapshotChange> _channel;
    private readonly Action<SnapshotSubscription> _unsubscribe;
    private long _dropped;
    private int _disposed;

    internal SnapshotSubscription(int capacity, Action<SnapshotSubscription> unsubscribe)
    {
        _unsubscribe = unsubscribe;
        _channel = Channel.CreateBounded<SnapshotChange>(
            new BoundedChannelOptions(capacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = false,
                SingleWriter = false,
            },
            _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>The changes, oldest first; completes when the subscription is disposed.</summary>
    public ChannelReader<SnapshotChange> Reader => _channel.Reader;

    /// <summary>How many notifications were dropped because this subscriber fell behind. A host may
    /// disconnect a subscriber whose count grows.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Reads changes until <paramref name="cancellationToken"/> fires or the subscription is disposed.</summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The changes.</returns>
    public IAsyncEnumerable<SnapshotChange> ReadAllAsync(CancellationToken cancellationToken = default) =>
        _channel.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Unsubscribes; readers finish after the queued changes.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _unsubscribe(this);
            _channel.Writer.TryComplete();
        }
    }

    /// <summary>Queues a change without ever waiting: a full queue drops its oldest item.</summary>
    internal void Publish(SnapshotChange change) => _channel.Writer.TryWrite(change);
}
