namespace TransitDash.Replication;

/// <summary>Shares the snapshots of one deployment between its replicas, so that one replica polls and every
/// replica serves the same data (<c>TransitDash.Caching.Redis</c> implements it). Without one registered, a
/// host polls and serves on its own, as always.</summary>
/// <remarks>The poller reads <see cref="Role"/> before every poll tick. A <see cref="ReplicaRole.Follower"/>
/// does not poll. A <see cref="ReplicaRole.Leader"/> polls and hands what each ended attempt made to
/// <see cref="PublishAsync"/> instead of applying it: the replicator assigns the version, shares it, and
/// applies it here through <see cref="Snapshots.SnapshotStore.ApplyReplicated"/>, as every other replica
/// does. An <see cref="ReplicaRole.Isolated"/> replica polls and applies on its own.</remarks>
public interface ISnapshotReplicator
{
    /// <summary>This replica's role now.</summary>
    ReplicaRole Role { get; }

    /// <summary>What this replica knows of replication now, for <c>/api/health</c>.</summary>
    /// <returns>The status.</returns>
    ReplicationStatus GetStatus();

    /// <summary>Shares what one attempt of this replica's poller made. A failure to share is the
    /// replicator's to log: it never throws for one, and the snapshot is then not applied anywhere.</summary>
    /// <param name="snapshot">The source's next snapshot, its version not yet assigned.</param>
    /// <param name="cancellationToken">Fires when the host stops.</param>
    /// <returns>A task that completes once the snapshot is shared and applied here, or dropped.</returns>
    Task PublishAsync(ReplicatedSnapshot snapshot, CancellationToken cancellationToken);
}
