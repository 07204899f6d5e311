using TransitDash.Feeds.GtfsRealtime.Internal;

namespace TransitDash.Feeds.GtfsRealtime.Arrivals.Internal;

/// <summary>A vehicle position that can tell when its train last moved: it names a trip id and has a timestamp.</summary>
/// <param name="TripId">The trip id.</param>
/// <param name="StartDate">The start date, or none.</param>
/// <param name="TrainId">The NYCT train id, or none.</param>
/// <param name="Timestamp">The timestamp in Unix seconds.</param>
internal readonly record struct WireVehicle(Utf8Slice TripId, Utf8Slice StartDate, Utf8Slice TrainId, long Timestamp);
