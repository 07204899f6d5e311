namespace TransitDash.Feeds.Gbfs;

/// <summary>A point and a radius on the earth's surface.</summary>
/// <param name="Latitude">WGS84 latitude of the centre.</param>
/// <param name="Longitude">WGS84 longitude of the centre.</param>
/// <param name="RadiusMeters">The radius in meters; the boundary is inside.</param>
public sealed record GeoCircle(double Latitude, double Longitude, double RadiusMeters)
{
    /// <summary>The great-circle (haversine) distance from the centre to a point.</summary>
    /// <param name="latitude">The point's WGS84 latitude.</param>
    /// <param name="longitude">The point's WGS84 longitude.</param>
    /// <returns>The distance in meters.</returns>
    public double DistanceTo(double latitude, double longitude) =>
        Internal.GreatCircle.DistanceMeters(Latitude, Longitude, latitude, longitude);

    /// <summary>Whether a point lies within the circle, boundary included.</summary>
    /// <param name="latitude">The point's WGS84 latitude.</param>
    /// <param name="longitude">The point's WGS84 longitude.</param>
    /// <returns>True when inside or on the boundary.</returns>
    public bool Contains(double latitude, double longitude) => DistanceTo(latitude, longitude) <= RadiusMeters;
}
