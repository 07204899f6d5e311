using TransitDash.Feeds;

namespace TransitDash.Snapshots;

/// <summary>One request for one feed: the record behind <c>/api/health/attempts</c>. A source keeps its most
/// recent attempts in a bounded ring (<see cref="SnapshotStore.GetAttempts"/>).</summary>
/// <param name="Time">When the request ended.</param>
/// <param name="Feed">The feed's configured name (for a source with one feed, the source's name).</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="StatusCode">The HTTP status, when one was received.</param>
/// <param name="Latency">How long the request took.</param>
/// <param name="Bytes">The body's size, when known.</param>
/// <param name="ErrorKind">What went wrong, for <see cref="AttemptOutcome.Error"/>.</param>
/// <param name="ErrorMessage">What happened, for <see cref="AttemptOutcome.Error"/>; never a secret.</param>
public sealed record FeedAttempt(
    DateTimeOffset Time,
    string Feed,
    AttemptOutcome Outcome,
    int? StatusCode,
    TimeSpan Latency,
    long? Bytes,
    FeedErrorKind? ErrorKind = null,
    string? ErrorMessage = null)
{
    /// <summary>When the producer made the data this request brought (a GTFS-rt header time, a GBFS
    /// <c>last_updated</c>), when known.</summary>
    public DateTimeOffset? UpstreamTime { get; init; }

    /// <summary>The feed's circuit breaker as the poll that made this request left it; null for a source without one.</summary>
    public FeedCircuit? Circuit { get; init; }

    /// <summary>Makes the record of a failed request from the exception that ended it.</summary>
    /// <param name="time">When the request ended.</param>
    /// <param name="feed">The feed's name.</param>
    /// <param name="latency">How long it took.</param>
    /// <param name="exception">The failure.</param>
    /// <returns>The attempt.</returns>
    public static FeedAttempt Failed(DateTimeOffset time, string feed, TimeSpan latency, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = exception is FeedHttpException http ? (int)http.StatusCode : (int?)null;
        return new FeedAttempt(time, feed, AttemptOutcome.Error, status, latency, null, FeedErrors.KindOf(exception), FeedErrors.MessageOf(exception));
    }
}
