namespace TransitDash.Feeds.Http;

/// <summary>Fetches and parses GTFS-Realtime feeds. It remembers each feed's validators (<c>ETag</c>,
/// <c>Last-Modified</c>) once a payload has parsed, so an unchanged feed costs a 304 and no parse.</summary>
public interface IGtfsRealtimeClient
{
    /// <summary>Fetches and parses one feed.</summary>
    /// <param name="source">The feed.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The result.</returns>
    /// <exception cref="FeedException">The fetch or the parse failed.</exception>
    Task<GtfsRealtimeFetchResult> FetchAsync(GtfsRealtimeFeedSource source, CancellationToken cancellationToken = default);
}
