using System.Collections.Immutable;

namespace TransitDash.Snapshots;

public sealed partial class SnapshotStore
{
    /// <summary>How many changes a subscription queues by default before it drops the oldest.</summary>
    public const int DefaultSubscriptionCapacity = 64;

    private ImmutableArray<SnapshotSubscription> _subscribers = [];

    /// <summary>Subscribes to every change of every source (server-sent events, a console board). The queue
    /// is bounded: a subscriber that falls behind loses its oldest notifications.</summary>
    /// <param name="capacity">How many changes to queue.</param>
    /// <returns>The subscription; dispose it to unsubscribe.</returns>
    public SnapshotSubscription Subscribe(int capacity = DefaultSubscriptionCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var subscription = new SnapshotSubscription(capacity, Unsubscribe);
        ImmutableInterlocked.Update(ref _subscribers, static (list, s) => list.Add(s), subscription);
        return subscription;
    }

    /// <summary>The number of live subscriptions.</summary>
    internal int SubscriberCount => _subscribers.Length;

    private void Unsubscribe(SnapshotSubscription subscription) =>
        ImmutableInterlocked.Update(ref _subscribers, static (list, s) => list.Remove(s), subscription);

    private void Notify(SnapshotChange change)
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.Publish(change);
        }
    }
}
