namespace TransitDash.Feeds.Gbfs;

/// <summary>Which bike stations to report: the named ones, in order, then those near a point by distance.</summary>
/// <param name="Stations">Stations by id or by exact name (case-insensitive).</param>
/// <param name="Near">Also every station within this circle; null for none.</param>
public sealed record BikeStationSelection(IReadOnlyList<BikeStationReference> Stations, GeoCircle? Near);
