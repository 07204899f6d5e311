namespace TransitDash.Snapshots;

/// <summary>One source's entry in the <see cref="SnapshotStore"/>: the last good data and its metadata,
/// immutable and replaced whole on every update, so a reader never sees half of one.</summary>
/// <param name="Metadata">Freshness and attempt figures.</param>
public abstract record FeedSnapshot(SnapshotMetadata Metadata)
{
    /// <summary>The source's name.</summary>
    public string Source => Metadata.Source;

    /// <summary>The data's version; see <see cref="SnapshotMetadata.Version"/>.</summary>
    public long Version => Metadata.Version;

    /// <summary>True once data has been published.</summary>
    public bool HasData => Metadata.HasData;

    /// <summary>The data's type.</summary>
    public abstract Type DataType { get; }

    /// <summary>The data, untyped; null before the first success.</summary>
    public abstract object? UntypedData { get; }
}
