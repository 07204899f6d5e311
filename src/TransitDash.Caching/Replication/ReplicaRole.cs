namespace TransitDash.Replication;

/// <summary>What a replica does about polling (<see cref="ISnapshotReplicator.Role"/>).</summary>
public enum ReplicaRole
{
    /// <summary>Another replica polls: this one serves what the replicator brings.</summary>
    Follower = 0,

    /// <summary>This replica polls for everyone and shares each snapshot through the replicator.</summary>
    Leader,

    /// <summary>This replica is cut off from the others and polls for itself alone (only when configured so).</summary>
    Isolated,
}
