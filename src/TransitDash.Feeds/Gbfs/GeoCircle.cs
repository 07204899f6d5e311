namespace TransitDash.Feeds.Gbfs;

/// <summary>A point and a radius on the earth's surface.</summary>
/// <param name="Latitude">WGS84 latitude of the centre.</param>
/// <param name="Longitude">WGS84 longitude of the centre.</param>
/// <param name="RadiusMeters">The radius in meters; the boundary is inside.</param>
public sealed record GeoCircle(double Latitude, double Longitude, double RadiusMeters);
