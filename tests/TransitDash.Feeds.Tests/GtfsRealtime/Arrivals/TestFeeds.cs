using TransitDash.Feeds.GtfsRealtime;

namespace TransitDash.Feeds.Tests.GtfsRealtime.Arrivals;

/// <summary>Small trip feeds built from the public records, one rule at a time.</summary>
internal static class TestFeeds
{
    /// <summary>The header time of every built feed (2025-09-18 19:34:21Z), also used as "now".</summary>
    public static readonly DateTimeOffset Header = DateTimeOffset.FromUnixTimeSeconds(1_758_224_061);

    public static DateTimeOffset At(double secondsFromHeader) => Header.AddSeconds(secondsFromHeader);

    /// <summary>A feed carrying the NYCT header extension, as every MTA subway feed does.</summary>
    public static GtfsRealtimeFeed Mta(string name, TripUpdate[] trips, VehiclePosition[]? vehicles = null, DateTimeOffset? header = null) =>
        new(name, "1.0", header ?? Header, FeedIncrementality.FullDataset, "1.0", trips, vehicles ?? [], []);

    /// <summary>A feed of another producer: no NYCT extension anywhere.</summary>
    public static GtfsRealtimeFeed Plain(string name, TripUpdate[] trips, VehiclePosition[]? vehicles = null) =>
        new(name, "2.0", Header, FeedIncrementality.FullDataset, null, trips, vehicles ?? [], []);

    public static TripDescriptor MtaTrip(
        string tripId,
        string routeId = "4",
        string? trainId = "04 1530 UTI/NLT",
        bool? isAssigned = true,
        NyctDirection? direction = NyctDirection.North,
        string? startDate = "20250918",
        uint? directionId = null) =>
        new(tripId, routeId, directionId, null, startDate, TripScheduleRelationship.Scheduled, trainId, isAssigned, direction)
        {
            HasNyctExtension = true,
        };

    public static TripDescriptor PlainTrip(string tripId, string routeId = "4", uint? directionId = null, string? startDate = "20250918") =>
        new(tripId, routeId, directionId, null, startDate, TripScheduleRelationship.Scheduled, null, null, null);

    public static TripUpdate Update(TripDescriptor trip, params StopTimeUpdate[] stopTimes) =>
        new($"entity-{trip.TripId}", trip, null, null, null, stopTimes);

    public static StopTimeUpdate Stop(
        string stopId,
        DateTimeOffset? arrival,
        DateTimeOffset? departure = null,
        string? scheduledTrack = null,
        string? actualTrack = null,
        StopScheduleRelationship relationship = StopScheduleRelationship.Scheduled) =>
        new(null, stopId, arrival, null, departure, null, relationship, scheduledTrack, actualTrack);

    public static VehiclePosition Vehicle(TripDescriptor trip, DateTimeOffset? lastMove) =>
        new($"vehicle-{trip.TripId}", trip, null, null, null, null, null, null, null, null, lastMove, null);
}
