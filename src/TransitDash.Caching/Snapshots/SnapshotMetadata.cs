namespace TransitDash.Snapshots;

/// <summary>What a source's snapshot says about its freshness and its attempts: the input of health.
/// For the subway, one attempt is one cycle of all its feeds; per-feed figures are in <see cref="Feeds"/>.</summary>
/// <param name="Source">The source's name.</param>
public sealed record SnapshotMetadata(string Source)
{
    /// <summary>Changes every time new data is published (every successful attempt, "not modified"
    /// included, since the data's <c>last_updated</c> moves); 0 before any data. Unique across sources.</summary>
    public long Version { get; init; }

    /// <summary>When data was last published; null when never.</summary>
    public DateTimeOffset? LastSuccess { get; init; }

    /// <summary>When an attempt last ended; null before the first.</summary>
    public DateTimeOffset? LastAttempt { get; init; }

    /// <summary>The error of the most recent attempt when it failed; null when it succeeded or none ended yet.</summary>
    public SnapshotError? LastError { get; init; }

    /// <summary>Attempts that ended.</summary>
    public long FetchCount { get; init; }

    /// <summary>Attempts that failed (for the subway, cycles in which any feed failed).</summary>
    public long ErrorCount { get; init; }

    /// <summary>Attempts that failed since the last one that succeeded.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>How long the last attempt took.</summary>
    public TimeSpan? LastDuration { get; init; }

    /// <summary>When the producer made the newest data held (newest GTFS-rt header time, GBFS
    /// <c>last_updated</c>); null when unknown.</summary>
    public DateTimeOffset? UpstreamTime { get; init; }

    /// <summary>How many items the data holds (arrivals, stations, alerts), when the source says.</summary>
    public int? EntityCount { get; init; }

    /// <summary>Problems that do not fail an attempt, such as a configured station the feed lacks.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Per-feed figures, in the order the feeds were first seen.</summary>
    public IReadOnlyList<FeedMetadata> Feeds { get; init; } = [];

    /// <summary>True once data has been published.</summary>
    public bool HasData => LastSuccess is not null;

    /// <summary>True when the most recent attempt failed.</summary>
    public bool LastAttemptFailed => LastError is not null;
}
