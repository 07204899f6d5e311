using Google.Protobuf;
using TransitDash.Feeds.GtfsRealtime.Wire.Nyct;
using Wire = TransitDash.Feeds.GtfsRealtime.Wire;
using WireStopTime = TransitDash.Feeds.GtfsRealtime.Wire.TripUpdate.Types.StopTimeUpdate;

namespace TransitDash.Feeds.Tests.GtfsRealtime.Arrivals;

/// <summary>Trip feed payloads built with the generated protobuf types (and, for what those cannot say,
/// raw protobuf bytes), for comparing the wire projection with the typed one.</summary>
internal static class WireFeeds
{
    /// <summary>The header time of every built feed: <see cref="TestFeeds.Header"/>.</summary>
    public static ulong HeaderSeconds => (ulong)TestFeeds.Header.ToUnixTimeSeconds();

    public static long At(long secondsFromHeader) => (long)HeaderSeconds + secondsFromHeader;

    /// <summary>A feed message with an MTA header (NYCT header extension) unless <paramref name="mta"/> is false.</summary>
    public static Wire.FeedMessage Message(bool mta, params Wire.FeedEntity[] entities)
    {
        var header = new Wire.FeedHeader { GtfsRealtimeVersion = "1.0", Timestamp = HeaderSeconds };
        if (mta)
        {
            header.SetExtension(NyctSubwayExtensions.NyctFeedHeader, new NyctFeedHeader
            {
                NyctSubwayVersion = "1.0",
                TripReplacementPeriod = { new TripReplacementPeriod { RouteId = "4", ReplacementPeriod = new Wire.TimeRange { End = HeaderSeconds + 1800 } } },
            });
        }

        return new Wire.FeedMessage { Header = header, Entity = { entities } };
    }

    public static Wire.FeedEntity TripEntity(string id, Wire.TripDescriptor trip, params WireStopTime[] stops) =>
        new() { Id = id, TripUpdate = new Wire.TripUpdate { Trip = trip, StopTimeUpdate = { stops } } };

    public static Wire.FeedEntity VehicleEntity(string id, Wire.TripDescriptor trip, ulong? timestamp)
    {
        var vehicle = new Wire.VehiclePosition { Trip = trip, CurrentStopSequence = 3, StopId = "418N" };
        if (timestamp is { } value)
        {
            vehicle.Timestamp = value;
        }

        return new Wire.FeedEntity { Id = id, Vehicle = vehicle };
    }

    /// <summary>A trip with the NYCT extension; a null direction leaves the member out (the MTA's way of saying North).</summary>
    public static Wire.TripDescriptor MtaTrip(
        string tripId,
        string routeId = "4",
        string? trainId = "04 1530 UTI/NLT",
        bool? isAssigned = true,
        NyctTripDescriptor.Types.Direction? direction = null,
        string? startDate = "20250918")
    {
        var trip = PlainTrip(tripId, routeId, startDate);
        var nyct = new NyctTripDescriptor();
        if (trainId is not null)
        {
            nyct.TrainId = trainId;
        }

        if (isAssigned is { } assigned)
        {
            nyct.IsAssigned = assigned;
        }

        if (direction is { } value)
        {
            nyct.Direction = value;
        }

        trip.SetExtension(NyctSubwayExtensions.NyctTripDescriptor, nyct);
        return trip;
    }

    public static Wire.TripDescriptor PlainTrip(string tripId, string routeId = "4", string? startDate = "20250918")
    {
        var trip = new Wire.TripDescriptor { TripId = tripId, RouteId = routeId };
        if (startDate is not null)
        {
            trip.StartDate = startDate;
        }

        return trip;
    }

    public static WireStopTime Stop(string stopId, long? arrival, long? departure = null, string? scheduledTrack = null, string? actualTrack = null)
    {
        var stop = new WireStopTime { StopId = stopId };
        if (arrival is { } a)
        {
            stop.Arrival = new Wire.TripUpdate.Types.StopTimeEvent { Time = a };
        }

        if (departure is { } d)
        {
            stop.Departure = new Wire.TripUpdate.Types.StopTimeEvent { Time = d };
        }

        if (scheduledTrack is not null || actualTrack is not null)
        {
            var nyct = new NyctStopTimeUpdate();
            if (scheduledTrack is not null)
            {
                nyct.ScheduledTrack = scheduledTrack;
            }

            if (actualTrack is not null)
            {
                nyct.ActualTrack = actualTrack;
            }

            stop.SetExtension(NyctSubwayExtensions.NyctStopTimeUpdate, nyct);
        }

        return stop;
    }

    private static readonly ExtensionRegistry Nyct =
    [
        NyctSubwayExtensions.NyctFeedHeader,
        NyctSubwayExtensions.NyctTripDescriptor,
        NyctSubwayExtensions.NyctStopTimeUpdate,
    ];

    /// <summary>A copy of the message with raw fields appended to its bytes: the generated parser keeps fields
    /// it does not know and writes them back, so they travel inside the enclosing message.</summary>
    public static T WithRaw<T>(T message, params byte[][] fields)
        where T : IMessage<T>, new()
    {
        var bytes = message.ToByteArray().Concat(fields.SelectMany(f => f)).ToArray();
        return new MessageParser<T>(() => new T()).WithExtensionRegistry(Nyct).ParseFrom(bytes);
    }

    /// <summary>Raw protobuf fields, for what the generated types cannot express.</summary>
    public static class Raw
    {
        public static byte[] Varint(ulong value)
        {
            var bytes = new List<byte>();
            do
            {
                var b = (byte)(value & 0x7F);
                value >>= 7;
                bytes.Add(value == 0 ? b : (byte)(b | 0x80));
            }
            while (value != 0);

            return [.. bytes];
        }

        public static byte[] Tag(int field, int wireType) => Varint(((ulong)field << 3) | (uint)wireType);

        public static byte[] VarintField(int field, ulong value) => [.. Tag(field, 0), .. Varint(value)];

        public static byte[] Fixed32Field(int field, uint value) => [.. Tag(field, 5), .. BitConverter.GetBytes(value)];

        public static byte[] Fixed64Field(int field, ulong value) => [.. Tag(field, 1), .. BitConverter.GetBytes(value)];

        public static byte[] Delimited(int field, byte[] content) => [.. Tag(field, 2), .. Varint((ulong)content.Length), .. content];

        public static byte[] Group(int field, params byte[][] content) => [.. Tag(field, 3), .. content.SelectMany(c => c), .. Tag(field, 4)];

        /// <summary>Unknown fields of every wire type, a nested group among them.</summary>
        public static byte[][] EveryWireType(int firstField) =>
        [
            VarintField(firstField, 300),
            Fixed64Field(firstField + 1, 0x0102030405060708),
            Delimited(firstField + 2, [0xFF, 0x00, 0xC3]), // not UTF-8: an unknown field is never decoded
            Group(firstField + 3, VarintField(1, 7), Group(2, Delimited(3, [1, 2, 3])), Fixed32Field(4, 9)),
            Fixed32Field(firstField + 4, 42),
        ];
    }
}
