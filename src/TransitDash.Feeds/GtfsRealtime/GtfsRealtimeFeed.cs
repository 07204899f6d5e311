namespace TransitDash.Feeds.GtfsRealtime;

/// <summary>One parsed GTFS-Realtime feed message: its header and every entity, as immutable records.</summary>
/// <param name="FeedName">The configured name of the feed, for example <c>ACE</c>.</param>
/// <param name="GtfsRealtimeVersion">The header's <c>gtfs_realtime_version</c>.</param>
/// <param name="HeaderTime">The header's <c>timestamp</c>: when the producer made this message; null when absent.</param>
/// <param name="Incrementality">The header's <c>incrementality</c>.</param>
/// <param name="NyctSubwayVersion">The NYCT header extension's <c>nyct_subway_version</c>; null for feeds without the extension.</param>
/// <param name="TripUpdates">The trip update entities, in feed order.</param>
/// <param name="VehiclePositions">The vehicle position entities, in feed order.</param>
/// <param name="Alerts">The alert entities, in feed order.</param>
public sealed record GtfsRealtimeFeed(
    string FeedName,
    string GtfsRealtimeVersion,
    DateTimeOffset? HeaderTime,
    FeedIncrementality Incrementality,
    string? NyctSubwayVersion,
    IReadOnlyList<TripUpdate> TripUpdates,
    IReadOnlyList<VehiclePosition> VehiclePositions,
    IReadOnlyList<ServiceAlert> Alerts)
{
    /// <summary>True when the producer sent the NYCT extension in the header (MTA subway feeds).</summary>
    public bool HasNyctExtension => NyctSubwayVersion is not null;
}
