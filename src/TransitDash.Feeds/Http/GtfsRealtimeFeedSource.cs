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

    /// <summary>Parser options (alert language).</summary>
    public GtfsRealtimeParserOptions ParserOptions { get; init; } = new();
}
