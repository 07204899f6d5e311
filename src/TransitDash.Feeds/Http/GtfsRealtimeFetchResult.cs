using TransitDash.Feeds.GtfsRealtime;

namespace TransitDash.Feeds.Http;

/// <summary>The result of fetching one GTFS-Realtime feed.</summary>
/// <param name="Response">The response (status, size, latency, headers).</param>
/// <param name="Feed">The parsed feed; null when the upstream answered "not modified".</param>
public sealed record GtfsRealtimeFetchResult(FeedResponse Response, GtfsRealtimeFeed? Feed)
{
    /// <summary>True when the upstream answered "not modified" and nothing was parsed.</summary>
    public bool NotModified => Feed is null;
}
