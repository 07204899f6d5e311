namespace TransitDash.Feeds.GtfsRealtime;

/// <summary>A prediction for one stop of a trip, with the NYCT tracks where the producer sends them.</summary>
/// <param name="StopSequence">The <c>stop_sequence</c>; null when absent.</param>
/// <param name="StopId">The <c>stop_id</c> exactly as sent (MTA platforms end in N or S); null when absent.</param>
/// <param name="ArrivalTime">The predicted arrival; null when absent.</param>
/// <param name="ArrivalDelay">The arrival <c>delay</c> in seconds; null when absent.</param>
/// <param name="DepartureTime">The predicted departure; null when absent.</param>
/// <param name="DepartureDelay">The departure <c>delay</c> in seconds; null when absent.</param>
/// <param name="ScheduleRelationship">The stop's schedule relationship.</param>
/// <param name="ScheduledTrack">NYCT <c>scheduled_track</c>; null without the extension or when absent.</param>
/// <param name="ActualTrack">NYCT <c>actual_track</c>; null without the extension or when absent.</param>
public sealed record StopTimeUpdate(
    uint? StopSequence,
    string? StopId,
    DateTimeOffset? ArrivalTime,
    int? ArrivalDelay,
    DateTimeOffset? DepartureTime,
    int? DepartureDelay,
    StopScheduleRelationship ScheduleRelationship,
    string? ScheduledTrack,
    string? ActualTrack);
