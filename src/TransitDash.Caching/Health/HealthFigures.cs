using TransitDash.Feeds;
using TransitDash.Snapshots;

namespace TransitDash.Health;

/// <summary>What health says of a source (<see cref="SourceHealth"/>) or of one of its feeds (<see cref="FeedHealth"/>).</summary>
/// <param name="Status">The status.</param>
public abstract record HealthFigures(SourceHealthStatus Status)
{
    /// <summary>Why the status is what it is, for people: "data is 95s old", "the last attempt failed; ...",
    /// "never fetched successfully".</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>When data last arrived; null when never.</summary>
    public DateTimeOffset? LastUpdate { get; init; }

    /// <summary>The short form of <see cref="LastUpdate"/>: "30s ago", "4m ago", "never" (<c>last_update</c>).</summary>
    public string LastUpdateText { get; init; } = FeedHealthEvaluator.Never;

    /// <summary>When an attempt last ended; null before the first.</summary>
    public DateTimeOffset? LastAttempt { get; init; }

    /// <summary>Attempts that ended (for the subway source, cycles).</summary>
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

    /// <summary>The circuit breaker's state now (<c>circuit</c>): an open circuit whose break has ended is
    /// half-open. Null for a source without a breaker. For a source of several feeds, the worst of theirs.</summary>
    public FeedCircuitState? Circuit { get; init; }

    /// <summary>Now minus the producer's time of the newest data held (newest GTFS-rt header time, GBFS
    /// <c>last_updated</c>): it grows when the upstream freezes while fetches still succeed.</summary>
    public TimeSpan? UpstreamAge { get; init; }
}
