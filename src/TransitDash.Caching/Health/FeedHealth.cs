using TransitDash.Feeds;

namespace TransitDash.Health;

/// <summary>The health of one feed of a source (the <c>feeds</c> of a source in <c>/api/health</c>).</summary>
/// <param name="Feed">The feed's configured name.</param>
/// <param name="Status">The feed's status, by the same rules as a source's.</param>
public sealed record FeedHealth(string Feed, SourceHealthStatus Status)
{
    /// <summary>When the feed last answered successfully; null when never.</summary>
    public DateTimeOffset? LastUpdate { get; init; }

    /// <summary>The short form of <see cref="LastUpdate"/>: "30s ago", "4m ago", "never".</summary>
    public string LastUpdateText { get; init; } = FeedHealthEvaluator.Never;

    /// <summary>Requests made.</summary>
    public long FetchCount { get; init; }

    /// <summary>Requests that failed.</summary>
    public long ErrorCount { get; init; }

    /// <summary>Requests that failed since the last success.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>The message of the last request's error when it failed; else null.</summary>
    public string? LastError { get; init; }

    /// <summary>The kind of the last request's error when it failed; else null.</summary>
    public FeedErrorKind? LastErrorKind { get; init; }

    /// <summary>How long the last request took.</summary>
    public TimeSpan? LastDuration { get; init; }

    /// <summary>The HTTP status of the last request, when one was received.</summary>
    public int? LastStatusCode { get; init; }

    /// <summary>Now minus the producer's time of the newest data the feed brought (GTFS-rt header time).</summary>
    public TimeSpan? UpstreamAge { get; init; }
}
