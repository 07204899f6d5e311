namespace TransitDash.Options;

/// <summary>The bike source: a GBFS system (2.x or 3.0) and the stations to report.</summary>
public sealed class CitibikeOptions
{
    /// <summary>How often the system is fetched. The feed's <c>ttl</c> is reported, never used to slow polling.</summary>
    /// <value>Defaults to 60 seconds.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The <c>gbfs.json</c> discovery URL, a <c>file://</c> URL or a local path.</summary>
    /// <value>Required.</value>
    public string DiscoveryUrl { get; set; } = string.Empty;

    /// <summary>The preferred language of the discovery document's feed lists and of GBFS 3.0 names.</summary>
    /// <value>Defaults to <c>en</c>.</value>
    public string Language { get; set; } = "en";

    /// <summary>Stations by id, or by exact name (case-insensitive), in display order.</summary>
    /// <value>Defaults to empty.</value>
    public IList<BikeStationOptions> Stations { get; set; } = [];

    /// <summary>Also every station within <see cref="NearOptions.RadiusM"/> of a point.</summary>
    /// <value>Defaults to null: off.</value>
    public NearOptions? Near { get; set; }
}
