namespace TransitDash.Options;

/// <summary>A bike station, by id or by exact name.</summary>
public sealed class BikeStationOptions
{
    /// <summary>The station id; wins over <see cref="Name"/> when both are set.</summary>
    /// <value>Defaults to empty.</value>
    public string Id { get; set; } = string.Empty;

    /// <summary>The exact station name, compared case-insensitively.</summary>
    /// <value>Defaults to empty.</value>
    public string Name { get; set; } = string.Empty;
}
