using System.Collections.Concurrent;
using TransitDash.Replication;

namespace TransitDash.Caching.Tests.Support;

/// <summary>A replicator whose role the test sets, recording what the poller hands it.</summary>
internal sealed class FakeReplicator : ISnapshotReplicator
{
    private int _role;

    public ReplicaRole Role
    {
        get => (ReplicaRole)Volatile.Read(ref _role);
        set => Volatile.Write(ref _role, (int)value);
    }

    public ConcurrentQueue<ReplicatedSnapshot> Published { get; } = new();

    public ReplicationStatus GetStatus() => new("fake", "replica-1", Role);

    public Task PublishAsync(ReplicatedSnapshot snapshot, CancellationToken cancellationToken)
    {
        Published.Enqueue(snapshot);
        return Task.CompletedTask;
    }
}
