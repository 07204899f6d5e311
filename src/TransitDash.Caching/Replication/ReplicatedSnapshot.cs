using TransitDash.Health;
using TransitDash.Snapshots;

namespace TransitDash.Replication;

/// <summary>What one ended attempt made of a source, as replicas share it: the source's metadata and data
/// after the attempt, the requests it made and the sample it added to health history.</summary>
/// <param name="Metadata">The source's metadata after the attempt. From the poller, its
/// <see cref="SnapshotMetadata.Version"/> is still the previous one: the replicator assigns the next one
/// when <see cref="DataChanged"/>.</param>
/// <param name="Data">The source's data after the attempt (the data held when the attempt brought none);
/// null before any.</param>
/// <param name="Attempts">The requests the attempt made, oldest first (added to the source's attempts).</param>
public sealed record ReplicatedSnapshot(SnapshotMetadata Metadata, object? Data, IReadOnlyList<FeedAttempt> Attempts)
{
    /// <summary>The source's name.</summary>
    public string Source => Metadata.Source;

    /// <summary>True when the attempt brought new data, so that the version must change.</summary>
    public bool DataChanged { get; init; }

    /// <summary>The sample the attempt adds to the source's health history; null for none.</summary>
    public HealthSample? Sample { get; init; }
}
