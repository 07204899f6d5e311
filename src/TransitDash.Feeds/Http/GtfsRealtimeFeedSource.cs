using TransitDash.Feeds.GtfsRealtime;

namespace TransitDash.Feeds.Http;

/// <summary>A GTFS-Realtime feed to fetch.</summary>
/// <param name="Name">The configured name, for example <c>ACE</c>.</param>
/// <param name="Url">An absolute http(s) URL, a <c>file://</c> URL or a local path.</param>
/// <param name="Kind">Whether it is a trip feed (NYCT extension) or an alert feed (Mercury extension).</param>
public sealed record GtfsRealtimeFeedSource(string Name, string Url, GtfsRealtimeFeedKind Kind = GtfsRealtimeFeedKind.Trips)
{
    /// <summary>Sent as <c>x-api-key</c> when not empty.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The largest body accepted.</summary>
    /// <value>Defaults to 16 MiB.</value>
    public long MaxResponseBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>How long the feed's header time may stay the same before a fetch fails as
    /// <see cref="FeedErrorKind.FrozenFeed"/> (the producer has stopped); null never calls a feed frozen.
    /// Measured on the client's clock from the first fetch that brought that header time; recordings read
    /// from files are never frozen.</summary>
    /// <value>Defaults to null.</value>
    public TimeSpan? FrozenAfter { get; init; }

    /// <summary>Parser options (alert language).</summary>
    public GtfsRealtimeParserOptions ParserOptions { get; init; } = new();

    /// <summary>True to have a trip feed checked without building the typed model, for callers that read
    /// the payload themselves (<see cref="GtfsRealtime.Arrivals.ArrivalProjector.ProjectFromWire"/>): the
    /// client reads the header time and checks the whole payload straight from the bytes, with every check
    /// it makes otherwise (a payload is accepted exactly when <see cref="GtfsRealtimeParser.ParseTripFeed"/>
    /// would accept it), and returns a result whose <see cref="GtfsRealtimeFetchResult.Feed"/> is null, whose
    /// <see cref="FeedResponse.Body"/> holds the accepted bytes and whose
    /// <see cref="GtfsRealtimeFetchResult.HeaderTime"/> is their header time. Only for
    /// <see cref="GtfsRealtimeFeedKind.Trips"/>: alert feeds are always parsed.</summary>
    /// <value>Defaults to false: the payload is parsed into <see cref="GtfsRealtimeFetchResult.Feed"/>.</value>
    public bool PayloadOnly { get; init; }
}
