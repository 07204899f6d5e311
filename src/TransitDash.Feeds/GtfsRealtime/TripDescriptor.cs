namespace TransitDash.Feeds.GtfsRealtime;

/// <summary>Identifies a trip, with the NYCT extension's fields where the producer sends them.</summary>
/// <param name="TripId">The <c>trip_id</c>; null when absent.</param>
/// <param name="RouteId">The <c>route_id</c> exactly as sent (for example <c>5X</c>); null when absent.</param>
/// <param name="DirectionId">The raw GTFS <c>direction_id</c> (0 or 1); null when absent.</param>
/// <param name="StartTime">The <c>start_time</c> (HH:MM:SS); null when absent.</param>
/// <param name="StartDate">The <c>start_date</c> (YYYYMMDD); null when absent.</param>
/// <param name="ScheduleRelationship">The trip's schedule relationship.</param>
/// <param name="TrainId">NYCT <c>train_id</c>; null without the extension.</param>
/// <param name="IsAssigned">NYCT <c>is_assigned</c>; null without the extension or when absent.</param>
/// <param name="NyctDirection">NYCT <c>direction</c>; null without the extension. When the extension is
/// present but the member is not, this is <see cref="GtfsRealtime.NyctDirection.North"/>, the member's proto2
/// default: the MTA leaves North out and sends only the other directions.</param>
public sealed record TripDescriptor(
    string? TripId,
    string? RouteId,
    uint? DirectionId,
    string? StartTime,
    string? StartDate,
    TripScheduleRelationship ScheduleRelationship,
    string? TrainId,
    bool? IsAssigned,
    NyctDirection? NyctDirection)
{
    /// <summary>True when the NYCT trip extension was present on this descriptor.</summary>
    public bool HasNyctExtension { get; init; }
}
