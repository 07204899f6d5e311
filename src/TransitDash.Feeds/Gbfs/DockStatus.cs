namespace TransitDash.Feeds.Gbfs;

/// <summary>The status of one configured bike station: the record behind <c>/api/citibike</c>.</summary>
/// <param name="StationId">The station id.</param>
/// <param name="Name">The station's name.</param>
/// <param name="BikesAvailable">Classic (human-powered) bikes available.</param>
/// <param name="EbikesAvailable">E-bikes available (bicycles only, never scooters).</param>
/// <param name="DocksAvailable">Free docks.</param>
/// <param name="TotalCapacity">Number of docks; 0 when unknown.</param>
/// <param name="IsRenting">Whether bikes can be taken.</param>
/// <param name="IsReturning">Whether bikes can be returned.</param>
/// <param name="LastReported">When the station last reported; null when unknown.</param>
/// <param name="PercentFull">100 x bikes / capacity, rounded half away from zero, 0..100.</param>
/// <param name="DistanceMeters">Great-circle distance from the selection's point, when one was given.</param>
public sealed record DockStatus(
    string StationId,
    string Name,
    int BikesAvailable,
    int EbikesAvailable,
    int DocksAvailable,
    int TotalCapacity,
    bool IsRenting,
    bool IsReturning,
    DateTimeOffset? LastReported,
    int PercentFull,
    double? DistanceMeters)
{
    /// <summary>WGS84 latitude of the station.</summary>
    public double Latitude { get; init; }

    /// <summary>WGS84 longitude of the station.</summary>
    public double Longitude { get; init; }
}
