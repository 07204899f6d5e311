namespace TransitDash.Feeds.GtfsRealtime;

/// <summary>A vehicle position entity.</summary>
/// <param name="EntityId">The entity's <c>id</c>.</param>
/// <param name="Trip">The trip the vehicle serves; null when absent.</param>
/// <param name="VehicleId">The vehicle descriptor's <c>id</c>; null when absent.</param>
/// <param name="VehicleLabel">The vehicle descriptor's <c>label</c>; null when absent.</param>
/// <param name="Latitude">WGS84 latitude; null when no position was sent (MTA subway feeds send none).</param>
/// <param name="Longitude">WGS84 longitude; null when no position was sent.</param>
/// <param name="Bearing">Bearing in degrees clockwise from north; null when absent.</param>
/// <param name="CurrentStopSequence">The <c>current_stop_sequence</c>; null when absent.</param>
/// <param name="StopId">The <c>stop_id</c> the status refers to; null when absent.</param>
/// <param name="CurrentStatus">The vehicle's status relative to <paramref name="StopId"/>; null when absent.</param>
/// <param name="Timestamp">When the position was measured (for MTA: the train's last detected movement); null when absent.</param>
/// <param name="OccupancyStatus">The <c>occupancy_status</c>; null when absent.</param>
public sealed record VehiclePosition(
    string EntityId,
    TripDescriptor? Trip,
    string? VehicleId,
    string? VehicleLabel,
    double? Latitude,
    double? Longitude,
    float? Bearing,
    uint? CurrentStopSequence,
    string? StopId,
    VehicleStopStatus? CurrentStatus,
    DateTimeOffset? Timestamp,
    OccupancyStatus? OccupancyStatus);
