namespace TransitDash.Feeds.Gbfs;

/// <summary>Station information and station status of one bike share system, joined by station id.</summary>
/// <param name="Version">The GBFS version of the status document.</param>
/// <param name="LastUpdated">The status document's <c>last_updated</c>: the upstream's own age of the data.</param>
/// <param name="Ttl">The status document's <c>ttl</c> in seconds; reported, never used to slow polling.</param>
/// <param name="Stations">Every station in station information, in document order, with its status when station status has it.</param>
/// <param name="StatusOnlyStationIds">Station ids present in station status but not in station information.</param>
/// <param name="VehicleTypes">The vehicle types, when the system publishes them; else empty.</param>
public sealed record GbfsSystem(
    string Version,
    DateTimeOffset? LastUpdated,
    int? Ttl,
    IReadOnlyList<BikeStation> Stations,
    IReadOnlyList<string> StatusOnlyStationIds,
    IReadOnlyList<GbfsVehicleType> VehicleTypes);
