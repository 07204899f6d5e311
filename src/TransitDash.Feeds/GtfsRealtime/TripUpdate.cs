namespace TransitDash.Feeds.GtfsRealtime;

/// <summary>A trip update entity: predictions for the stops of one trip.</summary>
/// <param name="EntityId">The entity's <c>id</c>.</param>
/// <param name="Trip">The trip the update is for.</param>
/// <param name="VehicleId">The vehicle descriptor's <c>id</c>; null when absent.</param>
/// <param name="Timestamp">When the prediction was made; null when absent.</param>
/// <param name="Delay">The trip's <c>delay</c> in seconds; null when absent.</param>
/// <param name="StopTimeUpdates">The stop time updates, in feed order.</param>
public sealed record TripUpdate(
    string EntityId,
    TripDescriptor Trip,
    string? VehicleId,
    DateTimeOffset? Timestamp,
    int? Delay,
    IReadOnlyList<StopTimeUpdate> StopTimeUpdates);
