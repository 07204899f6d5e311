namespace TransitDash.Feeds.GtfsRealtime.Arrivals;

/// <summary>What <see cref="ArrivalProjector.ProjectFromWire"/> learnt about one trip feed besides its arrivals:
/// the same header time and entity counts <see cref="GtfsRealtimeParser.ParseTripFeed"/> would give.</summary>
/// <param name="FeedName">The feed's configured name.</param>
/// <param name="HeaderTime">The header's <c>timestamp</c>; null when absent.</param>
/// <param name="TripUpdates">How many trip update entities the feed holds (deleted ones left out).</param>
/// <param name="VehiclePositions">How many vehicle position entities the feed holds (deleted ones left out).</param>
public sealed record TripFeedSummary(string FeedName, DateTimeOffset? HeaderTime, int TripUpdates, int VehiclePositions);
