namespace TransitDash.Feeds.GtfsRealtime.Arrivals;

/// <summary>One predicted train at one configured station: the record behind <c>/api/subway</c>.</summary>
/// <param name="Line">The rider's name of the line (<c>5X</c> is <c>5</c>, <c>GS</c> is <c>S</c>).</param>
/// <param name="Station">The station's display name.</param>
/// <param name="Direction"><c>N</c> or <c>S</c> (from the platform suffix, else the NYCT direction), or null.</param>
/// <param name="RouteId">The route id exactly as the feed sent it.</param>
/// <param name="StopId">The platform id exactly as the feed sent it.</param>
/// <param name="ArrivalTime">The predicted arrival, or the departure where the stop has no arrival.</param>
/// <param name="TripId">The trip id.</param>
/// <param name="StartDate">The trip's start date (YYYYMMDD), or null.</param>
/// <param name="TrainId">The NYCT train id, or null.</param>
/// <param name="IsAssigned">The NYCT <c>is_assigned</c>, or null.</param>
/// <param name="Track">The actual track when given, else the scheduled track, else null.</param>
/// <param name="DirectionId">The trip's raw GTFS <c>direction_id</c>, or null.</param>
/// <param name="Stalled">True when the train's last movement is more than the stall threshold older than the feed's header time.</param>
/// <param name="Feed">The configured name of the feed the arrival came from.</param>
public sealed record Arrival(
    string Line,
    string Station,
    string? Direction,
    string RouteId,
    string StopId,
    DateTimeOffset ArrivalTime,
    string TripId,
    string? StartDate,
    string? TrainId,
    bool? IsAssigned,
    string? Track,
    uint? DirectionId,
    bool Stalled,
    string Feed);
