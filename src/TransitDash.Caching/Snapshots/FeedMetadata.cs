namespace TransitDash.Snapshots;

/// <summary>The figures of one feed of a source (for the subway, each GTFS-Realtime feed; for bikes, each
/// GBFS document), counted over its requests.</summary>
/// <param name="Feed">The feed's configured name.</param>
public sealed record FeedMetadata(string Feed)
{
    /// <summary>When a request last succeeded (including "not modified"); null when none has.</summary>
    public DateTimeOffset? LastSuccess { get; init; }

    /// <summary>When a request last ended; null before the first.</summary>
    public DateTimeOffset? LastAttempt { get; init; }

    /// <summary>The error of the last request when it failed; null when it succeeded.</summary>
    public SnapshotError? LastError { get; init; }

    /// <summary>Requests made.</summary>
    public long FetchCount { get; init; }

    /// <summary>Requests that failed.</summary>
    public long ErrorCount { get; init; }

    /// <summary>Requests that failed since the last success.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>How long the last request took.</summary>
    public TimeSpan? LastDuration { get; init; }

    /// <summary>The HTTP status of the last request, when one was received.</summary>
    public int? LastStatusCode { get; init; }

    /// <summary>The body size of the last successful request, when known.</summary>
    public long? LastBytes { get; init; }

    /// <summary>When the producer made the newest data this feed brought (header time, <c>last_updated</c>).</summary>
    public DateTimeOffset? UpstreamTime { get; init; }
}
