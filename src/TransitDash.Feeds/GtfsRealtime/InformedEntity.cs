namespace TransitDash.Feeds.GtfsRealtime;

/// <summary>Something an alert applies to (an agency, route, trip or stop, or a combination).</summary>
/// <param name="AgencyId">The <c>agency_id</c>; null when absent.</param>
/// <param name="RouteId">The <c>route_id</c>; null when absent.</param>
/// <param name="RouteType">The <c>route_type</c>; null when absent.</param>
/// <param name="DirectionId">The <c>direction_id</c>; null when absent.</param>
/// <param name="Trip">The trip; null when absent.</param>
/// <param name="StopId">The <c>stop_id</c>; null when absent.</param>
public sealed record InformedEntity(
    string? AgencyId,
    string? RouteId,
    int? RouteType,
    uint? DirectionId,
    TripDescriptor? Trip,
    string? StopId);
