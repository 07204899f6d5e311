namespace TransitDash.Feeds.Gbfs;

/// <summary>One station from station information, with its status.</summary>
/// <param name="StationId">The station id, as a string (Citi Bike has 19-digit numeric ids).</param>
/// <param name="Name">The station's name (in the chosen language for GBFS 3.0).</param>
/// <param name="Latitude">WGS84 latitude.</param>
/// <param name="Longitude">WGS84 longitude.</param>
/// <param name="Capacity">Number of docks; null when absent.</param>
/// <param name="Status">The station's status; null when station status lacks the station.</param>
public sealed record BikeStation(
    string StationId,
    string Name,
    double Latitude,
    double Longitude,
    int? Capacity,
    BikeStationStatus? Status);
