namespace TransitDash.Options;

/// <summary>The subway source: GTFS-Realtime trip feeds fetched together each cycle, and the stations
/// whose arrivals are listed.</summary>
public sealed class SubwayOptions
{
    /// <summary>How often every feed is fetched.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sent as the <c>x-api-key</c> header when not empty; never logged.</summary>
    /// <value>Defaults to empty.</value>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>The GTFS-Realtime feeds, fetched in parallel each cycle and merged in this order (earlier
    /// feeds win duplicate trains). Required, at least one.</summary>
    /// <value>Defaults to empty.</value>
    public IList<SubwayFeedOptions> Feeds { get; set; } = [];

    /// <summary>Path or URL of a <c>stops.txt</c> or a GTFS zip, for station names; loaded at start.
    /// Failing to load it is a warning, not an error.</summary>
    /// <value>Defaults to empty: no static GTFS.</value>
    public string StaticGtfs { get; set; } = string.Empty;

    /// <summary>Arrivals further out than this many minutes are not listed.</summary>
    /// <value>Defaults to 60.</value>
    public int HorizonMinutes { get; set; } = 60;

    /// <summary>The stations to list, in display order.</summary>
    /// <value>Defaults to empty.</value>
    public IList<SubwayStationOptions> Stations { get; set; } = [];
}
