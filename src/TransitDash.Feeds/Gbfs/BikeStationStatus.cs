namespace TransitDash.Feeds.Gbfs;

/// <summary>The live status of one station, as the upstream published it (before any projection).</summary>
/// <param name="NumBikesAvailable"><c>num_bikes_available</c> (3.0: <c>num_vehicles_available</c>).</param>
/// <param name="NumEbikesAvailable"><c>num_ebikes_available</c>; null when the document does not have it.</param>
/// <param name="NumDocksAvailable"><c>num_docks_available</c>; null when absent.</param>
/// <param name="IsInstalled"><c>is_installed</c> (0/1 or boolean).</param>
/// <param name="IsRenting"><c>is_renting</c> (0/1 or boolean).</param>
/// <param name="IsReturning"><c>is_returning</c> (0/1 or boolean).</param>
/// <param name="LastReported"><c>last_reported</c> (epoch seconds or RFC 3339); null when absent.</param>
/// <param name="VehicleTypesAvailable">Counts by vehicle type; empty when absent.</param>
public sealed record BikeStationStatus(
    int NumBikesAvailable,
    int? NumEbikesAvailable,
    int? NumDocksAvailable,
    bool IsInstalled,
    bool IsRenting,
    bool IsReturning,
    DateTimeOffset? LastReported,
    IReadOnlyList<VehicleTypeCount> VehicleTypesAvailable);
