namespace TransitDash.Replication;

/// <summary>What a replica knows of replication at one moment (<see cref="ISnapshotReplicator.GetStatus"/>):
/// the <c>replication</c> member of <c>/api/health</c>.</summary>
/// <param name="Backend">What the replicas share through, for example <c>redis</c>.</param>
/// <param name="Replica">This replica's name.</param>
/// <param name="Role">This replica's role.</param>
public sealed record ReplicationStatus(string Backend, string Replica, ReplicaRole Role)
{
    /// <summary>True while the backend answers.</summary>
    public bool Reachable { get; init; }

    /// <summary>The replica that holds the poller's lease, as last seen; null when none does or it is unknown.</summary>
    public string? LeaseHolder { get; init; }

    /// <summary>When the backend last answered; null when it never has.</summary>
    public DateTimeOffset? LastContact { get; init; }

    /// <summary>How long the backend has not answered; null while it answers.</summary>
    public TimeSpan? UnreachableFor { get; init; }

    /// <summary>Why the backend does not answer; null while it does. Never a secret.</summary>
    public string? LastError { get; init; }
}
