namespace TransitDash.Options;

/// <summary>A subway station to list arrivals for: a name, stop ids, or both.</summary>
public sealed class SubwayStationOptions
{
    /// <summary>The display name; when empty, the static GTFS name of the first stop id.</summary>
    /// <value>Defaults to empty.</value>
    public string Name { get; set; } = string.Empty;

    /// <summary>Stop ids; each matches itself and the same id followed by <c>N</c> or <c>S</c>.</summary>
    /// <value>Defaults to empty.</value>
    public IList<string> StopIds { get; set; } = [];
}
