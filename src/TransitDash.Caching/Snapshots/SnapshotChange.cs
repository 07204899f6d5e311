namespace TransitDash.Snapshots;

/// <summary>A notification that a source's snapshot was replaced.</summary>
/// <param name="Snapshot">The new snapshot.</param>
/// <param name="DataChanged">True when new data was published; false when only metadata changed (a failed attempt).</param>
public sealed record SnapshotChange(FeedSnapshot Snapshot, bool DataChanged)
{
    /// <summary>The source's name.</summary>
    public string Source => Snapshot.Source;
}
