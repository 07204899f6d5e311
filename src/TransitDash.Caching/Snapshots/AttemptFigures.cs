namespace TransitDash.Snapshots;

/// <summary>What is counted over a run of attempts: of a source (<see cref="SnapshotMetadata"/>, where one
/// subway attempt is a cycle of all its feeds) or of one of its feeds (<see cref="FeedMetadata"/>).</summary>
public abstract record AttemptFigures
{
    /// <summary>When an attempt last succeeded ("not modified" included); null when none has.</summary>
    public DateTimeOffset? LastSuccess { get; init; }

    /// <summary>When an attempt last ended; null before the first.</summary>
    public DateTimeOffset? LastAttempt { get; init; }

    /// <summary>The error of the most recent attempt when it failed; null when it succeeded or none ended yet.</summary>
    public SnapshotError? LastError { get; init; }

    /// <summary>Attempts that ended.</summary>
    public long FetchCount { get; init; }

    /// <summary>Attempts that failed.</summary>
    public long ErrorCount { get; init; }

    /// <summary>Attempts that failed since the last one that succeeded.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>How long the last attempt took.</summary>
    public TimeSpan? LastDuration { get; init; }

    /// <summary>When the producer made the newest data held (GTFS-rt header time, GBFS <c>last_updated</c>);
    /// null when unknown.</summary>
    public DateTimeOffset? UpstreamTime { get; init; }

    /// <summary>The circuit breaker the polls go through, as the latest poll left it; null for a source
    /// without one (a source of your own).</summary>
    public FeedCircuit? Circuit { get; init; }

    /// <summary>True when the most recent attempt failed.</summary>
    public bool LastAttemptFailed => LastError is not null;

    /// <summary>These figures after one more attempt.</summary>
    /// <param name="at">When it ended.</param>
    /// <param name="succeeded">True when it brought data (or "not modified").</param>
    /// <param name="error">Why it failed; null when it did not. An attempt may succeed and fail at once
    /// (a subway cycle in which some feeds answered).</param>
    /// <param name="duration">How long it took, when known.</param>
    /// <param name="upstreamTime">The producer's time of what it brought, when known.</param>
    internal AttemptFigures Counted(DateTimeOffset at, bool succeeded, SnapshotError? error, TimeSpan? duration, DateTimeOffset? upstreamTime) => this with
    {
        LastSuccess = succeeded ? at : LastSuccess,
        LastAttempt = at,
        LastError = error,
        FetchCount = FetchCount + 1,
        ErrorCount = ErrorCount + (error is null ? 0 : 1),
        ConsecutiveFailures = error is null ? 0 : ConsecutiveFailures + 1,
        LastDuration = duration ?? LastDuration,
        UpstreamTime = upstreamTime ?? UpstreamTime,
    };
}
