using TransitDash.Feeds.GtfsRealtime;

namespace TransitDash.Feeds.Http;

/// <summary>The result of fetching one GTFS-Realtime feed.</summary>
/// <param name="Response">The response (status, size, latency, headers); for a new payload, its
/// <see cref="FeedResponse.Body"/> holds the accepted bytes.</param>
/// <param name="Feed">The parsed feed; null when the upstream answered "not modified", or when the source
/// asked for the payload only (<see cref="GtfsRealtimeFeedSource.PayloadOnly"/>).</param>
public sealed record GtfsRealtimeFetchResult(FeedResponse Response, GtfsRealtimeFeed? Feed)
{
    /// <summary>True when the upstream answered "not modified": the payload accepted before still stands and
    /// nothing was read.</summary>
    public bool NotModified => Response.NotModified;

    /// <summary>The header time of the payload the result stands for: the new payload's, or on "not modified"
    /// the one accepted before; null when the header has no timestamp (or nothing is known of it).</summary>
    /// <value>Defaults to the header time of <see cref="Feed"/>.</value>
    public DateTimeOffset? HeaderTime { get; init; } = Feed?.HeaderTime;
}
