using TransitDash.Feeds.GtfsRealtime.Internal;

namespace TransitDash.Feeds.GtfsRealtime.Arrivals.Internal;

/// <summary>Reads one trip feed's payload straight from the wire for <see cref="ArrivalProjector"/>: it walks
/// FeedMessage, entity, trip update, stop time update and vehicle, decodes only the members the arrivals
/// need, and keeps, as offsets into the payload, only the trips that list a configured stop and the
/// vehicles that can tell when a train last moved. Every other byte is still checked the way the typed
/// parser checks it (<see cref="WireSchema"/>), and every member the typed mapper requires is required
/// here, so a payload this reader accepts is one <see cref="GtfsRealtimeParser.ParseTripFeed"/> accepts,
/// with the same values.</summary>
/// <remarks>Whatever this reader does not model throws <see cref="WireFallbackException"/>: malformed
/// bytes, a failed required member, an out-of-range time, a singular message sent twice (protobuf
/// merges the two), the header after an entity. The caller then parses the payload with the typed
/// parser, which gives its exact error, or the feed this reader declined.</remarks>
internal ref struct ArrivalWireReader
{
    // Tags (field number << 3 | wire type) of the members read here.
    private const uint LengthDelimited = 2;
    private const uint NyctExtensionTag = (1001 << 3) | LengthDelimited;

    // DateTimeOffset covers 0001-01-01 to 9999-12-31, as the typed mapper checks.
    private const long MinUnixSeconds = -62_135_596_800;
    private const long MaxUnixSeconds = 253_402_300_799;

    private readonly StopLookup _stops;
    private readonly WireScratch _scratch;
    private readonly long _earliestTicks;
    private readonly long _latestTicks;
    private readonly bool _dropStaleUnassigned;
    private bool _headerSeen;
    private long? _headerSeconds;
    private int _tripUpdates;
    private int _vehicles;
    private int _stale;
    private int _matched;

    private ArrivalWireReader(StopLookup stops, WireScratch scratch, DateTimeOffset earliest, DateTimeOffset latest, bool dropStaleUnassigned)
    {
        _stops = stops;
        _scratch = scratch;
        _earliestTicks = earliest.UtcTicks;
        _latestTicks = latest.UtcTicks;
        _dropStaleUnassigned = dropStaleUnassigned;
    }

    /// <summary>Reads a trip feed, adding its listable trips and its vehicles to the scratch buffers.</summary>
    /// <param name="payload">The protobuf bytes.</param>
    /// <param name="stops">The configured stops.</param>
    /// <param name="rules">The projector's rules (the stale-unassigned rule is applied here).</param>
    /// <param name="earliest">Stops before this are gone.</param>
    /// <param name="latest">Stops after this are beyond the horizon.</param>
    /// <param name="scratch">Where trips and vehicles go; on an exception, anything added stays and the caller rolls back.</param>
    /// <returns>The feed's header facts, counts and ranges in the scratch buffers.</returns>
    /// <exception cref="WireFallbackException">The payload needs the typed parser.</exception>
    public static WireFeedRead Read(ReadOnlySpan<byte> payload, StopLookup stops, ArrivalRules rules, DateTimeOffset earliest, DateTimeOffset latest, WireScratch scratch)
    {
        var reader = new ArrivalWireReader(stops, scratch, earliest, latest, rules.DropStaleUnassignedTrips);
        var tripStart = scratch.TripCount;
        var vehicleStart = scratch.VehicleCount;
        var message = new WireCursor(payload);
        reader.ReadFeedMessage(ref message);
        return new WireFeedRead
        {
            HeaderTime = reader._headerSeconds is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
            TripUpdates = reader._tripUpdates,
            VehiclePositions = reader._vehicles,
            StaleUnassigned = reader._stale,
            MatchedStops = reader._matched,
            TripStart = tripStart,
            TripEnd = scratch.TripCount,
            VehicleStart = vehicleStart,
            VehicleEnd = scratch.VehicleCount,
        };
    }

    private void ReadFeedMessage(ref WireCursor message)
    {
        while (message.HasMore)
        {
            var tag = message.ReadTag();
            switch (tag)
            {
                case (1 << 3) | LengthDelimited:
                    Once(ref _headerSeen, "header");
                    var header = message.ReadMessage(1);
                    ReadHeader(ref header);
                    break;
                case (2 << 3) | LengthDelimited:
                    if (!_headerSeen)
                    {
                        // The stale-unassigned rule needs the header time while trips are read.
                        WireFallbackException.Throw("an entity before the header");
                    }

                    var entity = message.ReadMessage(1);
                    ReadEntity(ref entity);
                    break;
                default:
                    WireSchema.FeedMessage.CheckField(ref message, tag, 0);
                    break;
            }
        }

        if (!_headerSeen)
        {
            WireFallbackException.Throw("no header");
        }
    }

    private void ReadHeader(ref WireCursor header)
    {
        var hasVersion = false;
        ulong? timestamp = null;
        while (header.HasMore)
        {
            var tag = header.ReadTag();
            switch (tag)
            {
                case (1 << 3) | LengthDelimited:
                    header.ReadString();
                    hasVersion = true;
                    break;
                case 3 << 3:
                    timestamp = header.ReadVarint();
                    break;
                default:
                    WireSchema.FeedHeader.CheckField(ref header, tag, 1);
                    break;
            }
        }

        if (!hasVersion)
        {
            WireFallbackException.Throw("header lacks gtfs_realtime_version");
        }

        _headerSeconds = timestamp is { } value ? Unsigned(value) : null;
    }

    private void ReadEntity(ref WireCursor entity)
    {
        var (tripMark, stopMark, vehicleMark) = (_scratch.TripCount, _scratch.StopCount, _scratch.VehicleCount);
        bool hasId = false, deleted = false, hasTripUpdate = false, hasVehicle = false, hasAlert = false;
        var tripUpdate = default(TripUpdateOutcome);
        while (entity.HasMore)
        {
            var tag = entity.ReadTag();
            switch (tag)
            {
                case (1 << 3) | LengthDelimited:
                    entity.ReadString();
                    hasId = true;
                    break;
                case 2 << 3:
                    deleted = entity.ReadVarint() != 0;
                    break;
                case (3 << 3) | LengthDelimited:
                    Once(ref hasTripUpdate, "trip_update");
                    var update = entity.ReadMessage(2);
                    tripUpdate = ReadTripUpdate(ref update);
                    break;
                case (4 << 3) | LengthDelimited:
                    Once(ref hasVehicle, "vehicle");
                    var vehicle = entity.ReadMessage(2);
                    ReadVehicle(ref vehicle);
                    break;
                case (5 << 3) | LengthDelimited:
                    Once(ref hasAlert, "alert");
                    var alert = entity.ReadMessage(2);
                    CheckAlert(ref alert);
                    break;
                default:
                    WireSchema.FeedEntity.CheckField(ref entity, tag, 1);
                    break;
            }
        }

        if (!hasId)
        {
            WireFallbackException.Throw("an entity lacks its id");
        }

        // is_deleted may come after the rest: a deleted entity is not part of the feed's state.
        if (deleted)
        {
            _scratch.Truncate(tripMark, stopMark, vehicleMark);
            return;
        }

        _tripUpdates += hasTripUpdate ? 1 : 0;
        _vehicles += hasVehicle ? 1 : 0;
        _stale += tripUpdate.Stale ? 1 : 0;
        _matched += tripUpdate.Matched;
    }

    private TripUpdateOutcome ReadTripUpdate(ref WireCursor update)
    {
        var stopMark = _scratch.StopCount;
        var trip = WireTrip.Absent;
        var hasTrip = false;
        long? firstTime = null;
        var matched = 0;
        while (update.HasMore)
        {
            var tag = update.ReadTag();
            switch (tag)
            {
                case (1 << 3) | LengthDelimited:
                    Once(ref hasTrip, "trip");
                    var descriptor = update.ReadMessage(3);
                    trip = ReadTrip(ref descriptor, 3);
                    break;
                case (2 << 3) | LengthDelimited:
                    var stopTime = update.ReadMessage(3);
                    ReadStopTimeUpdate(ref stopTime, ref firstTime, ref matched);
                    break;
                case 4 << 3:
                    Unsigned(update.ReadVarint());
                    break;
                default:
                    WireSchema.TripUpdate.CheckField(ref update, tag, 2);
                    break;
            }
        }

        if (!hasTrip)
        {
            WireFallbackException.Throw("a trip_update lacks its trip");
        }

        // The typed projector's order: cancelled and deleted trips first, then the stale-unassigned rule.
        const int Canceled = 3, Deleted = 7;
        var stale = false;
        if (trip.ScheduleRelationship is Canceled or Deleted)
        {
            _scratch.StopCount = stopMark;
        }
        else if (trip.HasNyctExtension && _dropStaleUnassigned && IsStaleUnassigned(trip, firstTime))
        {
            stale = true;
            _scratch.StopCount = stopMark;
        }
        else if (_scratch.StopCount > stopMark)
        {
            trip.FirstStop = stopMark;
            trip.StopCount = _scratch.StopCount - stopMark;
            _scratch.AddTrip(trip);
        }

        return new TripUpdateOutcome(stale, matched);
    }

    private readonly bool IsStaleUnassigned(in WireTrip trip, long? firstTime) =>
        trip.IsAssigned != true && _headerSeconds is { } header && firstTime is { } first && first < header;

    private void ReadStopTimeUpdate(ref WireCursor stopTime, ref long? firstTime, ref int matched)
    {
        var stopId = Utf8Slice.None;
        var (scheduledTrack, actualTrack) = (Utf8Slice.None, Utf8Slice.None);
        long? arrival = null, departure = null;
        bool hasArrival = false, hasDeparture = false, hasNyct = false;
        var relationship = 0;
        while (stopTime.HasMore)
        {
            var tag = stopTime.ReadTag();
            switch (tag)
            {
                case (2 << 3) | LengthDelimited:
                    Once(ref hasArrival, "arrival");
                    var arrivalEvent = stopTime.ReadMessage(4);
                    arrival = ReadEventTime(ref arrivalEvent);
                    break;
                case (3 << 3) | LengthDelimited:
                    Once(ref hasDeparture, "departure");
                    var departureEvent = stopTime.ReadMessage(4);
                    departure = ReadEventTime(ref departureEvent);
                    break;
                case (4 << 3) | LengthDelimited:
                    stopId = stopTime.ReadString();
                    break;
                case 5 << 3:
                    relationship = (int)stopTime.ReadVarint();
                    break;
                case NyctExtensionTag:
                    Once(ref hasNyct, "NYCT stop time extension");
                    var nyct = stopTime.ReadMessage(4);
                    ReadNyctTracks(ref nyct, ref scheduledTrack, ref actualTrack);
                    break;
                default:
                    WireSchema.StopTimeUpdate.CheckField(ref stopTime, tag, 3);
                    break;
            }
        }

        var time = arrival ?? departure;
        firstTime ??= time;
        if (!stopId.IsPresent || !_stops.TryMatch(stopTime.Bytes(stopId), out var configuredId, out var match))
        {
            return;
        }

        matched++;
        const int Skipped = 1;
        if (relationship == Skipped || time is not { } seconds)
        {
            return;
        }

        var ticks = DateTimeOffset.UnixEpoch.Ticks + (seconds * TimeSpan.TicksPerSecond);
        if (ticks >= _earliestTicks && ticks <= _latestTicks)
        {
            _scratch.AddStop(new WireStop(configuredId, match, seconds, scheduledTrack, actualTrack));
        }
    }

    private static long? ReadEventTime(ref WireCursor stopTimeEvent)
    {
        long? time = null;
        while (stopTimeEvent.HasMore)
        {
            var tag = stopTimeEvent.ReadTag();
            if (tag == 2 << 3)
            {
                time = (long)stopTimeEvent.ReadVarint();
            }
            else
            {
                WireSchema.StopTimeEvent.CheckField(ref stopTimeEvent, tag, 4);
            }
        }

        if (time is < MinUnixSeconds or > MaxUnixSeconds)
        {
            WireFallbackException.Throw("a stop time is out of range");
        }

        return time;
    }

    private static void ReadNyctTracks(ref WireCursor nyct, ref Utf8Slice scheduledTrack, ref Utf8Slice actualTrack)
    {
        while (nyct.HasMore)
        {
            var tag = nyct.ReadTag();
            switch (tag)
            {
                case (1 << 3) | LengthDelimited:
                    scheduledTrack = nyct.ReadString();
                    break;
                case (2 << 3) | LengthDelimited:
                    actualTrack = nyct.ReadString();
                    break;
                default:
                    WireSchema.NyctStopTimeUpdate.CheckField(ref nyct, tag, 4);
                    break;
            }
        }
    }

    private static WireTrip ReadTrip(ref WireCursor descriptor, int depth)
    {
        var trip = WireTrip.Absent;
        while (descriptor.HasMore)
        {
            var tag = descriptor.ReadTag();
            switch (tag)
            {
                case (1 << 3) | LengthDelimited:
                    trip.TripId = descriptor.ReadString();
                    break;
                case (3 << 3) | LengthDelimited:
                    trip.StartDate = descriptor.ReadString();
                    break;
                case 4 << 3:
                    trip.ScheduleRelationship = (int)descriptor.ReadVarint();
                    break;
                case (5 << 3) | LengthDelimited:
                    trip.RouteId = descriptor.ReadString();
                    break;
                case 6 << 3:
                    trip.DirectionId = (uint)descriptor.ReadVarint();
                    break;
                case NyctExtensionTag:
                    Once(ref trip.HasNyctExtension, "NYCT trip extension");
                    var nyct = descriptor.ReadMessage(depth + 1);
                    ReadNyctTrip(ref nyct, ref trip, depth + 1);
                    break;
                default:
                    WireSchema.TripDescriptor.CheckField(ref descriptor, tag, depth);
                    break;
            }
        }

        return trip;
    }

    private static void ReadNyctTrip(ref WireCursor nyct, ref WireTrip trip, int depth)
    {
        // An absent direction reads as its proto2 default, North (see TripDescriptor.NyctDirection).
        var direction = 1;
        while (nyct.HasMore)
        {
            var tag = nyct.ReadTag();
            switch (tag)
            {
                case (1 << 3) | LengthDelimited:
                    trip.TrainId = nyct.ReadString();
                    break;
                case 2 << 3:
                    trip.IsAssigned = nyct.ReadVarint() != 0;
                    break;
                case 3 << 3:
                    direction = (int)nyct.ReadVarint();
                    break;
                default:
                    WireSchema.NyctTripDescriptor.CheckField(ref nyct, tag, depth);
                    break;
            }
        }

        trip.NyctDirection = direction is >= (int)GtfsRealtime.NyctDirection.North and <= (int)GtfsRealtime.NyctDirection.West
            ? (NyctDirection)direction
            : null;
    }

    private void ReadVehicle(ref WireCursor vehicle)
    {
        var trip = WireTrip.Absent;
        bool hasTrip = false, hasPosition = false;
        ulong? timestamp = null;
        while (vehicle.HasMore)
        {
            var tag = vehicle.ReadTag();
            switch (tag)
            {
                case (1 << 3) | LengthDelimited:
                    Once(ref hasTrip, "vehicle trip");
                    var descriptor = vehicle.ReadMessage(3);
                    trip = ReadTrip(ref descriptor, 3);
                    break;
                case (2 << 3) | LengthDelimited:
                    Once(ref hasPosition, "position");
                    var position = vehicle.ReadMessage(3);
                    CheckPosition(ref position);
                    break;
                case 5 << 3:
                    timestamp = vehicle.ReadVarint();
                    break;
                default:
                    WireSchema.VehiclePosition.CheckField(ref vehicle, tag, 2);
                    break;
            }
        }

        if (timestamp is { } value && trip.TripId.IsPresent)
        {
            _scratch.AddVehicle(new WireVehicle(trip.TripId, trip.StartDate, trip.TrainId, Unsigned(value)));
        }
        else if (timestamp is { } unlisted)
        {
            Unsigned(unlisted);
        }
    }

    private static void CheckPosition(ref WireCursor position)
    {
        bool hasLatitude = false, hasLongitude = false;
        while (position.HasMore)
        {
            var tag = position.ReadTag();
            switch (tag)
            {
                case (1 << 3) | 5:
                    position.ReadFixed32();
                    hasLatitude = true;
                    break;
                case (2 << 3) | 5:
                    position.ReadFixed32();
                    hasLongitude = true;
                    break;
                default:
                    WireSchema.Position.CheckField(ref position, tag, 3);
                    break;
            }
        }

        if (!hasLatitude || !hasLongitude)
        {
            WireFallbackException.Throw("a position lacks latitude or longitude");
        }
    }

    // The typed mapper reads active periods and the header, description and URL texts of every alert.
    private static void CheckAlert(ref WireCursor alert)
    {
        while (alert.HasMore)
        {
            var tag = alert.ReadTag();
            switch (tag)
            {
                case (1 << 3) | LengthDelimited:
                    var period = alert.ReadMessage(3);
                    CheckTimeRange(ref period);
                    break;
                case (8 << 3) | LengthDelimited:
                case (10 << 3) | LengthDelimited:
                case (11 << 3) | LengthDelimited:
                    var text = alert.ReadMessage(3);
                    CheckTranslatedString(ref text);
                    break;
                default:
                    WireSchema.Alert.CheckField(ref alert, tag, 2);
                    break;
            }
        }
    }

    private static void CheckTimeRange(ref WireCursor period)
    {
        while (period.HasMore)
        {
            var tag = period.ReadTag();
            if (tag is 1 << 3 or 2 << 3)
            {
                Unsigned(period.ReadVarint());
            }
            else
            {
                WireSchema.TimeRange.CheckField(ref period, tag, 3);
            }
        }
    }

    private static void CheckTranslatedString(ref WireCursor text)
    {
        while (text.HasMore)
        {
            var tag = text.ReadTag();
            if (tag != ((1 << 3) | LengthDelimited))
            {
                WireSchema.TranslatedString.CheckField(ref text, tag, 3);
                continue;
            }

            var translation = text.ReadMessage(4);
            var hasText = false;
            while (translation.HasMore)
            {
                var inner = translation.ReadTag();
                if (inner == ((1 << 3) | LengthDelimited))
                {
                    translation.ReadString();
                    hasText = true;
                }
                else
                {
                    WireSchema.Translation.CheckField(ref translation, inner, 4);
                }
            }

            if (!hasText)
            {
                WireFallbackException.Throw("a translation lacks its text");
            }
        }
    }

    /// <summary>A uint64 time the typed mapper would accept, in seconds.</summary>
    private static long Unsigned(ulong seconds)
    {
        if (seconds > MaxUnixSeconds)
        {
            WireFallbackException.Throw("a time is out of range");
        }

        return (long)seconds;
    }

    // A singular message sent twice is merged by protobuf; only the typed parser does that.
    private static void Once(ref bool seen, string member)
    {
        if (seen)
        {
            WireFallbackException.Throw($"{member} sent twice");
        }

        seen = true;
    }

    private readonly record struct TripUpdateOutcome(bool Stale, int Matched);
}
