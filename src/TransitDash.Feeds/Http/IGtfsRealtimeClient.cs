namespace TransitDash.Feeds.Http;

/// <summary>Fetches, checks and parses GTFS-Realtime feeds. It remembers each feed's validators (<c>ETag</c>,
/// <c>Last-Modified</c>) once a payload has been accepted, so an unchanged feed costs a 304 and no parse.
/// A payload is rejected, and the one held before stays the newest accepted, when its content type is
/// not protobuf's (<see cref="FeedErrorKind.BadContentType"/>), when it does not parse
/// (<see cref="FeedErrorKind.BadPayload"/>), when its header time is older than the accepted one's
/// (<see cref="FeedErrorKind.TimeBackwards"/>), or when its header time has not moved for longer than
/// <see cref="GtfsRealtimeFeedSource.FrozenAfter"/> (<see cref="FeedErrorKind.FrozenFeed"/>). A source with
/// <see cref="GtfsRealtimeFeedSource.PayloadOnly"/> goes through the same checks, read straight from the
/// bytes, and gets the accepted payload back without the typed model.</summary>
public interface IGtfsRealtimeClient
{
    /// <summary>Fetches, checks and parses one feed.</summary>
    /// <param name="source">The feed.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> asks for the payload only of an alert feed.</exception>
    /// <exception cref="FeedException">The fetch, a check or the parse failed; <see cref="FeedException.Kind"/> says which.</exception>
    Task<GtfsRealtimeFetchResult> FetchAsync(GtfsRealtimeFeedSource source, CancellationToken cancellationToken = default);
}
