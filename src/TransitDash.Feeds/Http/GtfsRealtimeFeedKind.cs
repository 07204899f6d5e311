namespace TransitDash.Feeds.Http;

/// <summary>Which extension registry a GTFS-Realtime feed is parsed with.</summary>
public enum GtfsRealtimeFeedKind
{
    /// <summary>A trip feed: trip updates and vehicle positions, NYCT extension.</summary>
    Trips = 0,

    /// <summary>An alert feed: service alerts, Mercury extension.</summary>
    Alerts = 1,
}
