namespace TransitDash.Snapshots;

/// <summary>A source's snapshot with its data typed.</summary>
/// <typeparam name="T">The data's type, for example <see cref="Sources.SubwayBoard"/>.</typeparam>
/// <param name="Data">The last good data; default before the first success (see <see cref="FeedSnapshot.HasData"/>).</param>
/// <param name="Metadata">Freshness and attempt figures.</param>
public sealed record FeedSnapshot<T>(T? Data, SnapshotMetadata Metadata) : FeedSnapshot(Metadata)
{
    /// <inheritdoc />
    public override Type DataType => typeof(T);

    /// <inheritdoc />
    public override object? UntypedData => Data;
}
