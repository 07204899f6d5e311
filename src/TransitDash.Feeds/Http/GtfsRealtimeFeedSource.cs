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
}
