using Microsoft.Extensions.Logging;
using TransitDash.Feeds.GtfsRealtime;

namespace TransitDash.Feeds.Internal;

internal static partial class Log
{
    // Each message is written at most once per feed per projection, with a count, so a quirk the MTA
    // repeats in every poll costs one line per poll rather than one per stop time.
    [LoggerMessage(
        EventId = 1100,
        EventName = "PlatformSuffixContradictsNyctDirection",
        Level = LogLevel.Information,
        Message = "Feed {Feed}: {Count} stop time(s) on platforms whose N/S suffix contradicts the trip's NYCT direction were listed with the platform's direction (first: trip {TripId} at {StopId}, NYCT direction {NyctDirection})")]
    public static partial void PlatformSuffixContradictsNyctDirection(ILogger logger, string feed, int count, string tripId, string stopId, NyctDirection nyctDirection);

    [LoggerMessage(
        EventId = 1101,
        EventName = "StaleUnassignedTripsDropped",
        Level = LogLevel.Debug,
        Message = "Feed {Feed}: dropped {Count} unassigned trip(s) whose first stop time is before the header time")]
    public static partial void StaleUnassignedTripsDropped(ILogger logger, string feed, int count);

    [LoggerMessage(
        EventId = 1102,
        EventName = "StalledTrainsMarked",
        Level = LogLevel.Debug,
        Message = "Feed {Feed}: {Count} train(s) marked stalled (last movement more than {StalledAfter} before the header time)")]
    public static partial void StalledTrainsMarked(ILogger logger, string feed, int count, TimeSpan stalledAfter);
}
