namespace TransitDash.Options;

/// <summary>Selects every bike station within a radius of a point.</summary>
public sealed class NearOptions
{
    /// <summary>WGS84 latitude of the point.</summary>
    /// <value>Defaults to 0.</value>
    public double Lat { get; set; }

    /// <summary>WGS84 longitude of the point.</summary>
    /// <value>Defaults to 0.</value>
    public double Lon { get; set; }

    /// <summary>The radius in meters (boundary included).</summary>
    /// <value>Defaults to 0: off.</value>
    public double RadiusM { get; set; }
}
