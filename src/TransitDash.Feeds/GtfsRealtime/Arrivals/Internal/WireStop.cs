using TransitDash.Feeds.GtfsRealtime.Internal;

namespace TransitDash.Feeds.GtfsRealtime.Arrivals.Internal;

/// <summary>A stop time update that passed every check the projection makes on the stop alone (configured
/// stop, not skipped, a time inside the window); the trip's checks and the dedupe come later.</summary>
/// <param name="StopId">The configured key it matched (equal to the feed's stop id).</param>
/// <param name="Match">The station and suffix direction.</param>
/// <param name="Seconds">The arrival time, else the departure time, in Unix seconds.</param>
/// <param name="ScheduledTrack">The NYCT scheduled track, or none.</param>
/// <param name="ActualTrack">The NYCT actual track, or none.</param>
internal readonly record struct WireStop(string StopId, StopMatch Match, long Seconds, Utf8Slice ScheduledTrack, Utf8Slice ActualTrack);
