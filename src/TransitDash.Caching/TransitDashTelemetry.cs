namespace TransitDash;

/// <summary>The names of TransitDash.Caching's telemetry: a contract that dashboards and alerts rely on.
/// Listen with <c>AddMeter(TransitDashTelemetry.MeterName)</c> and
/// <c>AddSource(TransitDashTelemetry.ActivitySourceName)</c>.</summary>
public static class TransitDashTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "TransitDash.Caching";

    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/>: one activity per attempt of a source.</summary>
    public const string ActivitySourceName = "TransitDash.Caching";

    /// <summary>Histogram, seconds: how long each request of a feed took. Tags: <see cref="SourceTag"/>,
    /// <see cref="FeedTag"/>, <see cref="OutcomeTag"/>.</summary>
    public const string FetchDuration = "transitdash.fetch.duration";

    /// <summary>Counter: requests made. Tags: <see cref="SourceTag"/>, <see cref="FeedTag"/>, <see cref="OutcomeTag"/>.</summary>
    public const string FetchAttempts = "transitdash.fetch.attempts";

    /// <summary>Counter: requests that failed. Tags: <see cref="SourceTag"/>, <see cref="FeedTag"/>, <see cref="ErrorKindTag"/>.</summary>
    public const string FetchErrors = "transitdash.fetch.errors";

    /// <summary>Gauge, seconds: the age of each source's data (now minus the last successful update). Tag: <see cref="SourceTag"/>.</summary>
    public const string SnapshotAge = "transitdash.snapshot.age";

    /// <summary>Gauge: how many items each source's data holds (arrivals, stations, alerts). Tag: <see cref="SourceTag"/>.</summary>
    public const string SnapshotEntities = "transitdash.snapshot.entities";

    /// <summary>Gauge: the state of each feed's circuit breaker, <c>0</c> closed, <c>1</c> half-open (the break is
    /// over; the next poll is one trial), <c>2</c> open. Tags: <see cref="SourceTag"/>, <see cref="FeedTag"/>.</summary>
    public const string CircuitState = "transitdash.circuit.state";

    /// <summary>Counter: poll ticks skipped because the source's previous fetch was still running. Tag: <see cref="SourceTag"/>.</summary>
    public const string SkippedTicks = "transitdash.poll.skipped";

    /// <summary>Tag: the source's name (<c>subway</c>, <c>citibike</c>, <c>alerts</c>, or a registered source's).</summary>
    public const string SourceTag = "source";

    /// <summary>Tag: the feed's configured name.</summary>
    public const string FeedTag = "feed";

    /// <summary>Tag: <c>ok</c>, <c>not_modified</c> or <c>error</c>.</summary>
    public const string OutcomeTag = "outcome";

    /// <summary>Tag: the error kind's wire name (<c>timeout</c>, <c>http_5xx</c>, ...).</summary>
    public const string ErrorKindTag = "error.kind";
}
