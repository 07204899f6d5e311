using TransitDash.Feeds;

namespace TransitDash.Health;

/// <summary>The health of one source: everything a source reports in <c>/api/health</c>.</summary>
/// <param name="Source">The source's name.</param>
/// <param name="Status">The source's status.</param>
public sealed record SourceHealth(string Source, SourceHealthStatus Status)
{
    /// <summary>Why the status is what it is, for people: "data is 95s old", "the last attempt failed", "never fetched".</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>When data was last published; null when never.</summary>
    public DateTimeOffset? LastUpdate { get; init; }

    /// <summary>Now minus <see cref="LastUpdate"/>; null when never.</summary>
    public TimeSpan? Age { get; init; }

    /// <summary>The short form of the age: "30s ago", "4m ago", "never" (<c>last_update</c>).</summary>
    public string LastUpdateText { get; init; } = FeedHealthEvaluator.Never;

    /// <summary>When an attempt last ended; null before the first.</summary>
    public DateTimeOffset? LastAttempt { get; init; }

    /// <summary>Attempts that ended (for the subway, cycles).</summary>
    public long FetchCount { get; init; }

    /// <summary>Attempts that failed.</summary>
    public long ErrorCount { get; init; }

    /// <summary>Attempts that failed since the last success.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>The message of the most recent attempt's error when it failed; else null (<c>last_error</c>).</summary>
    public string? LastError { get; init; }

    /// <summary>The kind of the most recent attempt's error when it failed; else null (<c>last_error_kind</c>).</summary>
    public FeedErrorKind? LastErrorKind { get; init; }

    /// <summary>How long the last attempt took.</summary>
    public TimeSpan? LastDuration { get; init; }

    /// <summary>The snapshot's data version (what data ETags are made from).</summary>
    public long Version { get; init; }

    /// <summary>True once data has been published.</summary>
    public bool HasData { get; init; }

    /// <summary>Now minus the producer's time of the newest data held (newest GTFS-rt header time, GBFS
    /// <c>last_updated</c>): grows when the upstream freezes while fetches still succeed.</summary>
    public TimeSpan? UpstreamAge { get; init; }

    /// <summary>How many items the data holds, when known.</summary>
    public int? EntityCount { get; init; }

    /// <summary>Problems that do not fail an attempt (a configured station the feed lacks).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Per-feed health, in feed order.</summary>
    public IReadOnlyList<FeedHealth> Feeds { get; init; } = [];
}
