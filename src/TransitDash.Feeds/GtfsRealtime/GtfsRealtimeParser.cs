using TransitDash.Feeds.GtfsRealtime.Internal;

namespace TransitDash.Feeds.GtfsRealtime;

/// <summary>Parses GTFS-Realtime protobuf payloads into <see cref="GtfsRealtimeFeed"/> records.
/// Trip feeds and alert feeds use separate extension registries because the MTA's NYCT (trip) and
/// Mercury (alert) extensions both take field number 1001. The two cannot be told apart on the
/// wire, so the caller picks the method by what the feed is: a Mercury header read as a trip feed
/// looks like an NYCT header, and NYCT members read as an alert feed are ignored.</summary>
/// <remarks>Any bytes give either a result or a <see cref="FeedPayloadException"/> naming the feed
/// and the problem: malformed protobuf, or a member the format requires missing from something
/// the parser reads (the header, its <c>gtfs_realtime_version</c>, an entity's <c>id</c>, a trip
/// update's <c>trip</c>, a position's coordinates, a translation's text). Entities marked
/// <c>is_deleted</c> are left out: the records describe the current state.</remarks>
public static class GtfsRealtimeParser
{
    private static readonly GtfsRealtimeParserOptions DefaultOptions = new();

    /// <summary>Parses a trip feed (trip updates and vehicle positions; NYCT extension read when present).</summary>
    /// <param name="feedName">The configured name of the feed, used in errors and carried on the result.</param>
    /// <param name="payload">The raw protobuf bytes.</param>
    /// <param name="options">Parsing options; null for the defaults.</param>
    /// <returns>The parsed feed.</returns>
    /// <exception cref="FeedPayloadException">The bytes are not a valid GTFS-Realtime feed message.</exception>
    public static GtfsRealtimeFeed ParseTripFeed(string feedName, ReadOnlySpan<byte> payload, GtfsRealtimeParserOptions? options = null)
        => Parse(WireFeedReader.NyctTrips, feedName, payload, options);

    /// <summary>Parses an alert feed (Mercury extension read when present).</summary>
    /// <param name="feedName">The configured name of the feed, used in errors and carried on the result.</param>
    /// <param name="payload">The raw protobuf bytes.</param>
    /// <param name="options">Parsing options; null for the defaults.</param>
    /// <returns>The parsed feed.</returns>
    /// <exception cref="FeedPayloadException">The bytes are not a valid GTFS-Realtime feed message.</exception>
    public static GtfsRealtimeFeed ParseAlertFeed(string feedName, ReadOnlySpan<byte> payload, GtfsRealtimeParserOptions? options = null)
        => Parse(WireFeedReader.MercuryAlerts, feedName, payload, options);

    private static GtfsRealtimeFeed Parse(WireFeedReader reader, string feedName, ReadOnlySpan<byte> payload, GtfsRealtimeParserOptions? options)
    {
        ArgumentNullException.ThrowIfNull(feedName);
        var language = (options ?? DefaultOptions).Language ?? DefaultOptions.Language;
        var message = reader.Parse(feedName, payload);
        return new FeedMessageMapper(feedName, language, reader.Dialect).Map(message);
    }
}
