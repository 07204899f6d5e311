namespace TransitDash.Snapshots;

/// <summary>What a source's snapshot says about its freshness and its attempts: the input of health.
/// For the subway, one attempt is one cycle of all its feeds (failed when any feed failed); per-feed
/// figures are in <see cref="Feeds"/>.</summary>
/// <param name="Source">The source's name.</param>
public sealed record SnapshotMetadata(string Source) : AttemptFigures
{
    /// <summary>Changes every time new data is published (every successful attempt, "not modified"
    /// included, since the data's <c>last_updated</c> moves); 0 before any data. Unique across sources.</summary>
    public long Version { get; init; }

    /// <summary>How many items the data holds (arrivals, stations, alerts), when the source says.</summary>
    public int? EntityCount { get; init; }

    /// <summary>Problems that do not fail an attempt, such as a configured station the feed lacks.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Per-feed figures, in the order the feeds were first seen.</summary>
    public IReadOnlyList<FeedMetadata> Feeds { get; init; } = [];

    /// <summary>True once data has been published.</summary>
    public bool HasData => LastSuccess is not null;
}
