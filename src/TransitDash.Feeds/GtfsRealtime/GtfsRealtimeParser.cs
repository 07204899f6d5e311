namespace TransitDash.Feeds.GtfsRealtime;

/// <summary>Parses GTFS-Realtime protobuf payloads into <see cref="GtfsRealtimeFeed"/> records.
/// Trip feeds and alert feeds use separate extension registries because the MTA's NYCT (trip) and
/// Mercury (alert) extensions both take field number 1001.</summary>
public static class GtfsRealtimeParser
{
    /// <summary>Parses a trip feed (trip updates and vehicle positions; NYCT extension read when present).</summary>
    /// <param name="feedName">The configured name of the feed, used in errors and carried on the result.</param>
    /// <param name="payload">The raw protobuf bytes.</param>
    /// <param name="options">Parsing options; null for the defaults.</param>
    /// <returns>The parsed feed.</returns>
    /// <exception cref="FeedPayloadException">The bytes are not a valid GTFS-Realtime feed message.</exception>
    public static GtfsRealtimeFeed ParseTripFeed(string feedName, ReadOnlySpan<byte> payload, GtfsRealtimeParserOptions? options = null)
        => throw new NotImplementedException();

    /// <summary>Parses an alert feed (Mercury extension read when present).</summary>
    /// <param name="feedName">The configured name of the feed, used in errors and carried on the result.</param>
    /// <param name="payload">The raw protobuf bytes.</param>
    /// <param name="options">Parsing options; null for the defaults.</param>
    /// <returns>The parsed feed.</returns>
    /// <exception cref="FeedPayloadException">The bytes are not a valid GTFS-Realtime feed message.</exception>
    public static GtfsRealtimeFeed ParseAlertFeed(string feedName, ReadOnlySpan<byte> payload, GtfsRealtimeParserOptions? options = null)
        => throw new NotImplementedException();
}
