using TransitDash.Feeds.GtfsRealtime.Wire;
using TransitDash.Feeds.GtfsRealtime.Wire.Nyct;
using WireStopTimeUpdate = TransitDash.Feeds.GtfsRealtime.Wire.TripUpdate.Types.StopTimeUpdate;
using WireTripDescriptor = TransitDash.Feeds.GtfsRealtime.Wire.TripDescriptor;
using WireTripUpdate = TransitDash.Feeds.GtfsRealtime.Wire.TripUpdate;
using WireVehiclePosition = TransitDash.Feeds.GtfsRealtime.Wire.VehiclePosition;

namespace TransitDash.Feeds.GtfsRealtime.Internal;

/// <summary>Maps one generated <see cref="FeedMessage"/> to the public records, checking the
/// proto2 <c>required</c> members of everything it reads (Google.Protobuf leaves that to us).
/// One instance per parse: it carries the feed's name for errors and the entity being mapped.</summary>
internal sealed partial class FeedMessageMapper
{
    private readonly string feedName;
    private readonly string language;
    private readonly FeedDialect dialect;

    // The entity being mapped (null while on the header), named in errors only when one occurs.
    private string? entityId;

    public FeedMessageMapper(string feedName, string language, FeedDialect dialect)
    {
        this.feedName = feedName;
        this.language = language;
        this.dialect = dialect;
    }

    public GtfsRealtimeFeed Map(FeedMessage message)
    {
        var header = message.Header ?? throw Problem("missing required header");
        if (!header.HasGtfsRealtimeVersion)
        {
            throw Problem("header lacks required gtfs_realtime_version");
        }

        DateTimeOffset? headerTime = header.HasTimestamp ? Time(header.Timestamp, "timestamp") : null;
        var incrementality = header.Incrementality == FeedHeader.Types.Incrementality.Differential
            ? FeedIncrementality.Differential
            : FeedIncrementality.FullDataset;

        // Sized in a first pass so each list is one exact allocation.
        int tripCount = 0, vehicleCount = 0, alertCount = 0;
        foreach (var entity in message.Entity)
        {
            if (entity.IsDeleted)
            {
                continue;
            }

            tripCount += entity.TripUpdate is null ? 0 : 1;
            vehicleCount += entity.Vehicle is null ? 0 : 1;
            alertCount += entity.Alert is null ? 0 : 1;
        }

        var tripUpdates = NewArray<TripUpdate>(tripCount);
        var vehicles = NewArray<VehiclePosition>(vehicleCount);
        var alerts = NewArray<ServiceAlert>(alertCount);
        int tripIndex = 0, vehicleIndex = 0, alertIndex = 0;
        for (var i = 0; i < message.Entity.Count; i++)
        {
            var entity = message.Entity[i];
            if (!entity.HasId)
            {
                throw Problem($"entity #{i} lacks required id");
            }

            // Deletions only mean something to a DIFFERENTIAL consumer, and the records model
            // the current state: a deleted entity is not part of it.
            if (entity.IsDeleted)
            {
                continue;
            }

            entityId = entity.Id;
            if (entity.TripUpdate is { } tripUpdate)
            {
                tripUpdates[tripIndex++] = MapTripUpdate(entity.Id, tripUpdate);
            }

            if (entity.Vehicle is { } vehicle)
            {
                vehicles[vehicleIndex++] = MapVehicle(entity.Id, vehicle);
            }

            if (entity.Alert is { } alert)
            {
                alerts[alertIndex++] = MapAlert(entity.Id, alert);
            }
        }

        return new GtfsRealtimeFeed(
            feedName,
            header.GtfsRealtimeVersion,
            headerTime,
            incrementality,
            NyctSubwayVersion(header),
            tripUpdates,
            vehicles,
            alerts);
    }

    private string? NyctSubwayVersion(FeedHeader header)
    {
        if (dialect != FeedDialect.NyctTrips || !header.HasExtension(NyctSubwayExtensions.NyctFeedHeader))
        {
            return null;
        }

        // The extension's presence is what marks an MTA feed; an empty version still counts.
        var nyct = header.GetExtension(NyctSubwayExtensions.NyctFeedHeader);
        return nyct.HasNyctSubwayVersion ? nyct.NyctSubwayVersion : string.Empty;
    }

    private TripUpdate MapTripUpdate(string entityId, WireTripUpdate tripUpdate)
    {
        var trip = tripUpdate.Trip ?? throw EntityProblem("trip_update lacks required trip");
        var updates = NewArray<StopTimeUpdate>(tripUpdate.StopTimeUpdate.Count);
        for (var i = 0; i < updates.Length; i++)
        {
            updates[i] = MapStopTimeUpdate(tripUpdate.StopTimeUpdate[i]);
        }

        return new TripUpdate(
            entityId,
            MapTrip(trip),
            tripUpdate.Vehicle is { HasId: true } vehicle ? vehicle.Id : null,
            tripUpdate.HasTimestamp ? Time(tripUpdate.Timestamp, "trip_update timestamp") : null,
            tripUpdate.HasDelay ? tripUpdate.Delay : null,
            updates);
    }

    private StopTimeUpdate MapStopTimeUpdate(WireStopTimeUpdate update)
    {
        var arrival = update.Arrival;
        var departure = update.Departure;
        string? scheduledTrack = null, actualTrack = null;
        if (dialect == FeedDialect.NyctTrips && update.HasExtension(NyctSubwayExtensions.NyctStopTimeUpdate))
        {
            var nyct = update.GetExtension(NyctSubwayExtensions.NyctStopTimeUpdate);
            scheduledTrack = nyct.HasScheduledTrack ? nyct.ScheduledTrack : null;
            actualTrack = nyct.HasActualTrack ? nyct.ActualTrack : null;
        }

        return new StopTimeUpdate(
            update.HasStopSequence ? update.StopSequence : null,
            update.HasStopId ? update.StopId : null,
            arrival is { HasTime: true } ? Time(arrival.Time, "arrival time") : null,
            arrival is { HasDelay: true } ? arrival.Delay : null,
            departure is { HasTime: true } ? Time(departure.Time, "departure time") : null,
            departure is { HasDelay: true } ? departure.Delay : null,
            ToStopScheduleRelationship(update.ScheduleRelationship),
            scheduledTrack,
            actualTrack);
    }

    private VehiclePosition MapVehicle(string entityId, WireVehiclePosition vehicle)
    {
        double? latitude = null, longitude = null;
        float? bearing = null;
        if (vehicle.Position is { } position)
        {
            if (!position.HasLatitude || !position.HasLongitude)
            {
                throw EntityProblem("vehicle position lacks required latitude or longitude");
            }

            latitude = position.Latitude;
            longitude = position.Longitude;
            bearing = position.HasBearing ? position.Bearing : null;
        }

        var descriptor = vehicle.Vehicle;
        return new VehiclePosition(
            entityId,
            vehicle.Trip is { } trip ? MapTrip(trip) : null,
            descriptor is { HasId: true } ? descriptor.Id : null,
            descriptor is { HasLabel: true } ? descriptor.Label : null,
            latitude,
            longitude,
            bearing,
            vehicle.HasCurrentStopSequence ? vehicle.CurrentStopSequence : null,
            vehicle.HasStopId ? vehicle.StopId : null,
            vehicle.HasCurrentStatus ? ToVehicleStopStatus(vehicle.CurrentStatus) : null,
            vehicle.HasTimestamp ? Time(vehicle.Timestamp, "vehicle timestamp") : null,
            vehicle.HasOccupancyStatus ? ToOccupancyStatus(vehicle.OccupancyStatus) : null);
    }

    private TripDescriptor MapTrip(WireTripDescriptor trip)
    {
        string? trainId = null;
        bool? isAssigned = null;
        NyctDirection? direction = null;
        var hasNyct = dialect == FeedDialect.NyctTrips && trip.HasExtension(NyctSubwayExtensions.NyctTripDescriptor);
        if (hasNyct)
        {
            var nyct = trip.GetExtension(NyctSubwayExtensions.NyctTripDescriptor);
            trainId = nyct.HasTrainId ? nyct.TrainId : null;
            isAssigned = nyct.HasIsAssigned ? nyct.IsAssigned : null;

            // The MTA's encoder leaves out a proto2 member that equals its default, and NORTH is
            // the default: every northbound trip in the recordings lacks the member while every
            // southbound one has it. So absence inside the extension reads as North, as proto2 says.
            direction = ToNyctDirection(nyct.Direction);
        }

        return new TripDescriptor(
            trip.HasTripId ? trip.TripId : null,
            trip.HasRouteId ? trip.RouteId : null,
            trip.HasDirectionId ? trip.DirectionId : null,
            trip.HasStartTime ? trip.StartTime : null,
            trip.HasStartDate ? trip.StartDate : null,
            ToTripScheduleRelationship(trip.ScheduleRelationship),
            trainId,
            isAssigned,
            direction)
        {
            HasNyctExtension = hasNyct,
        };
    }

    private FeedPayloadException Problem(string problem) => new(feedName, problem);

    private FeedPayloadException EntityProblem(string problem) =>
        Problem(entityId is null ? $"header: {problem}" : $"entity '{entityId}': {problem}");

    private static T[] NewArray<T>(int length) => length == 0 ? [] : new T[length];
}
