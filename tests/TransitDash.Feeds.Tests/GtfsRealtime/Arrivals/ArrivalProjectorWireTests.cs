using Google.Protobuf;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Feeds.GtfsRealtime.Wire.Nyct;
using static TransitDash.Feeds.Tests.GtfsRealtime.Arrivals.WireFeeds;
using static TransitDash.Feeds.Tests.GtfsRealtime.Arrivals.WireProjection;
using Direction = TransitDash.Feeds.GtfsRealtime.Wire.Nyct.NyctTripDescriptor.Types.Direction;
using Wire = TransitDash.Feeds.GtfsRealtime.Wire;

namespace TransitDash.Feeds.Tests.GtfsRealtime.Arrivals;

/// <summary><see cref="ArrivalProjector.ProjectFromWire"/> on built feeds, one wire-format situation at a time:
/// each must list what ParseTripFeed + Project lists, and be read from the wire, not handed to the typed parser.</summary>
public sealed partial class ArrivalProjectorWireTests
{
    private static readonly ArrivalProjectorOptions Options = new()
    {
        Stations = [new SubwayStation("Wall St", ["419", "230"]), new SubwayStation("Bowling Green", ["420"])],
    };

    private static DateTimeOffset Now => TestFeeds.Header;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ProjectFromWire_MtaAndPlainTripsMixed_SameAsTypedParse(bool mtaHeader)
    {
        var message = Message(
            mtaHeader,
            TripEntity("assigned", MtaTrip("a", trainId: "04 1530 UTI/NLT"), Stop("418N", At(-60)), Stop("419N", At(120), At(150), scheduledTrack: "4", actualTrack: "3"), Stop("420N", At(200), scheduledTrack: "4")),
            TripEntity("stale", MtaTrip("b", isAssigned: null), Stop("401S", At(-900)), Stop("419S", At(300))),
            TripEntity("unassigned-early", MtaTrip("c", isAssigned: false), Stop("419S", At(360))),
            TripEntity("plain-early", PlainTrip("d"), Stop("401S", At(-900)), Stop("419S", At(420))),
            TripEntity("south-on-n", MtaTrip("e", direction: Direction.South), Stop("419N", At(480)), Stop("230N", At(490))),
            TripEntity("north-on-s", MtaTrip("f"), Stop("419S", At(540))),
            TripEntity("east-bare", MtaTrip("g", direction: Direction.East), Stop("419", At(600))),
            TripEntity("no-ids", new Wire.TripDescriptor { RouteId = "5X" }, Stop("419N", At(660)), Stop("419N", At(670))),
            TripEntity("no-route", MtaTrip("h", routeId: "4", trainId: null, startDate: null), Stop("420S", At(720))),
            TripEntity("shuttle", MtaTrip("i", routeId: "GS", direction: Direction.West), Stop("230", At(780))),
            TripEntity("late", MtaTrip("j"), Stop("419N", At(4000))));
        message.Entity[8].TripUpdate.Trip.ClearRouteId();
        message.Entity[8].TripUpdate.Trip.DirectionId = 1;

        var result = AssertSameAsTyped(Options, message.ToByteArray(), Now);

        Assert.Equal(12, result.Arrivals.Count);
        Assert.Contains(result.Arrivals, a => a is { TripId: "", Line: "5" });
    }

    [Fact]
    public void ProjectFromWire_UnknownFieldsAndExtensionsAtEveryLevel_SameAsTypedParse()
    {
        // Unknown fields of every wire type (groups nested in groups among them), unknown extension
        // numbers, and 1001 on messages where it is not the NYCT extension.
        var unknown = Raw.EveryWireType(50);
        byte[][] extensions = [Raw.Delimited(1001, [0x08, 0x01]), Raw.VarintField(1002, 5), Raw.Delimited(9000, [0xC3]), Raw.Group(1999, Raw.VarintField(1, 1))];
        var stop = WithRaw(Stop("419N", At(120), At(130), scheduledTrack: "1", actualTrack: "2"), [.. unknown, Raw.Delimited(1002, [0x0A, 0x01, 0x41])]);
        stop.Arrival = WithRaw(stop.Arrival, [.. unknown, .. extensions]);
        var nyctStop = WithRaw(stop.GetExtension(NyctSubwayExtensions.NyctStopTimeUpdate), unknown);
        stop.SetExtension(NyctSubwayExtensions.NyctStopTimeUpdate, nyctStop);
        var trip = WithRaw(MtaTrip("a", direction: Direction.South), [.. unknown, Raw.VarintField(1002, 1), Raw.Delimited(9999, [1])]);
        trip.SetExtension(NyctSubwayExtensions.NyctTripDescriptor, WithRaw(trip.GetExtension(NyctSubwayExtensions.NyctTripDescriptor), unknown));
        var update = WithRaw(new Wire.TripUpdate { Trip = trip, StopTimeUpdate = { stop, Stop("420N", At(200)) } }, [.. unknown, .. extensions]);
        var vehicle = WithRaw(VehicleEntity("v", MtaTrip("a", direction: Direction.South), HeaderSeconds - 300).Vehicle, [.. unknown, .. extensions]);
        var entities = new[]
        {
            WithRaw(new Wire.FeedEntity { Id = "t", TripUpdate = update }, [.. unknown, .. extensions]),
            new Wire.FeedEntity { Id = "v", Vehicle = vehicle },
        };
        var message = Message(true, entities);
        message.Header = WithRaw(message.Header, [.. unknown, Raw.Delimited(1002, [0xFF])]);
        var payload = WithRaw(message, [.. unknown, .. extensions]).ToByteArray();

        var result = AssertSameAsTyped(Options, payload, Now);

        Assert.Equal([("419N", "2", true), ("420N", null, true)], result.Arrivals.Select(a => (a.StopId, a.Track, a.Stalled)));
    }

    [Fact]
    public void ProjectFromWire_VehiclesBeforeAndAfterTheirTrips_StallRuleSeesThemAll()
    {
        var message = Message(
            true,
            VehicleEntity("v-a", MtaTrip("a"), HeaderSeconds - 200),
            VehicleEntity("v-b-first", MtaTrip("b"), HeaderSeconds - 200),
            VehicleEntity("v-b-second", MtaTrip("b"), HeaderSeconds),
            VehicleEntity("v-c-no-time", MtaTrip("c"), null),
            VehicleEntity("v-d-other-train", MtaTrip("d", trainId: "other"), HeaderSeconds - 200),
            TripEntity("a", MtaTrip("a"), Stop("419N", At(60)), Stop("420N", At(90))),
            TripEntity("b", MtaTrip("b"), Stop("419N", At(60))),
            TripEntity("c", MtaTrip("c"), Stop("419N", At(60))),
            TripEntity("d", MtaTrip("d"), Stop("419N", At(60))),
            TripEntity("e", MtaTrip("e"), Stop("419N", At(60))),
            TripEntity("f", PlainTrip("f"), Stop("419N", At(60))),
            VehicleEntity("v-c-late", MtaTrip("c"), HeaderSeconds - 100),
            VehicleEntity("v-e-late", MtaTrip("e"), HeaderSeconds - 95),
            VehicleEntity("v-f-plain", PlainTrip("f"), HeaderSeconds - 1000));

        var result = AssertSameAsTyped(Options, message.ToByteArray(), Now);

        Assert.Equal(
            [("a", true), ("b", true), ("c", true), ("d", false), ("e", true), ("f", false), ("a", true)],
            result.Arrivals.Select(a => (a.TripId, a.Stalled)));
    }

    [Fact]
    public void ProjectFromWire_MissingTimes_ArrivalElseDepartureElseNotListed()
    {
        var onlyDelay = Stop("419N", null, At(75));
        onlyDelay.Arrival = new Wire.TripUpdate.Types.StopTimeEvent { Delay = 30, Uncertainty = 5 };
        var message = Message(
            true,
            TripEntity("both", MtaTrip("a"), Stop("419N", At(60), At(90))),
            TripEntity("departure", MtaTrip("b"), Stop("419N", null, At(70))),
            TripEntity("delay-only", MtaTrip("c"), onlyDelay),
            TripEntity("none", MtaTrip("d"), Stop("419N", null)),
            TripEntity("first-has-none", MtaTrip("e", isAssigned: false), Stop("401N", null), Stop("419N", At(80))));

        var result = AssertSameAsTyped(Options, message.ToByteArray(), Now);

        Assert.Equal([("a", 60L), ("b", 70L), ("c", 75L), ("e", 80L)], result.Arrivals.Select(a => (a.TripId, (long)(a.ArrivalTime - Now).TotalSeconds)));
    }

    [Fact]
    public void ProjectFromWire_ScalarsSentPackedOrWithTheWrongWireType_AreUnknownFieldsForBoth()
    {
        // The GTFS-rt trip messages have no repeated scalar, so nothing may be read packed: a scalar sent
        // length-delimited (as a packed list would be) is an unknown field, as is any member sent with a
        // wire type its declaration does not have.
        var packedRelationship = WithRaw(Stop("419N", At(60)), Raw.Delimited(5, [1]), Raw.Delimited(1, [1, 2]));
        var stopIdAsVarint = WithRaw(new Wire.TripUpdate.Types.StopTimeUpdate(), Raw.VarintField(4, 419), Raw.Delimited(2, Raw.VarintField(2, (ulong)At(65))));
        var timeAsFixed = WithRaw(Stop("420N", null), Raw.Delimited(2, Raw.Fixed64Field(2, (ulong)At(70))));
        var assignedPacked = MtaTrip("b", isAssigned: null);
        assignedPacked.SetExtension(NyctSubwayExtensions.NyctTripDescriptor, WithRaw(new NyctTripDescriptor { TrainId = "x" }, Raw.Delimited(2, [1]), Raw.Delimited(3, [3])));
        var message = Message(
            true,
            TripEntity("packed", MtaTrip("a"), packedRelationship, stopIdAsVarint, timeAsFixed),
            TripEntity("assigned-packed", assignedPacked, Stop("419S", At(90))));

        var result = AssertSameAsTyped(Options, message.ToByteArray(), Now);

        // b's is_assigned and direction arrived packed: unknown, so absent (and an absent direction is North).
        Assert.Equal([("a", "419N", (bool?)true), ("b", "419S", null)], result.Arrivals.Select(a => (a.TripId, a.StopId, a.IsAssigned)));
    }

    [Fact]
    public void ProjectFromWire_SkippedStopsCancelledDeletedTripsAndDeletedEntities_NotListed()
    {
        var skipped = Stop("419N", At(60));
        skipped.ScheduleRelationship = Wire.TripUpdate.Types.StopTimeUpdate.Types.ScheduleRelationship.Skipped;
        var noData = Stop("420N", At(65));
        noData.ScheduleRelationship = Wire.TripUpdate.Types.StopTimeUpdate.Types.ScheduleRelationship.NoData;
        var cancelled = MtaTrip("c");
        cancelled.ScheduleRelationship = Wire.TripDescriptor.Types.ScheduleRelationship.Canceled;
        var deleted = MtaTrip("d");
        deleted.ScheduleRelationship = Wire.TripDescriptor.Types.ScheduleRelationship.Deleted;
        var added = MtaTrip("e", isAssigned: false);
        added.ScheduleRelationship = Wire.TripDescriptor.Types.ScheduleRelationship.Added;
        var message = Message(
            true,
            TripEntity("skipped", MtaTrip("a"), skipped, noData),
            TripEntity("cancelled", cancelled, Stop("419N", At(70))),
            TripEntity("deleted-trip", deleted, Stop("419N", At(75))),
            TripEntity("cancelled-and-stale", MtaTrip("s", isAssigned: false), Stop("419N", At(-80))),
            TripEntity("added", added, Stop("419N", At(85))));
        message.Entity[3].TripUpdate.Trip.ScheduleRelationship = Wire.TripDescriptor.Types.ScheduleRelationship.Canceled;

        // is_deleted after the trip update and the vehicle, which the generated writer never does.
        var deletedEntity = new Wire.FeedEntity { Id = "gone", TripUpdate = TripEntity("gone", MtaTrip("g"), Stop("419N", At(95))).TripUpdate }.ToByteArray();
        var deletedVehicle = VehicleEntity("gone-v", MtaTrip("a"), HeaderSeconds - 500).ToByteArray();
        var payload = message.ToByteArray()
            .Concat(Raw.Delimited(2, [.. deletedEntity, .. Raw.VarintField(2, 1)]))
            .Concat(Raw.Delimited(2, [.. deletedVehicle, .. Raw.VarintField(2, 7)]))
            .Concat(Raw.Delimited(2, VehicleEntity("kept-v", MtaTrip("a"), HeaderSeconds - 10).ToByteArray()))
            .ToArray();

        var result = AssertSameAsTyped(Options, payload, Now);

        Assert.Equal([("a", "420N", false), ("e", "419N", false)], result.Arrivals.Select(a => (a.TripId, a.StopId, a.Stalled)));
        Assert.Equal((5, 1), (result.Feeds[0].TripUpdates, result.Feeds[0].VehiclePositions));
    }

    [Fact]
    public void ProjectFromWire_SameKeyInTwoFeeds_FirstFeedInOrderWins()
    {
        var first = Message(true, TripEntity("x", MtaTrip("a"), Stop("419N", At(60), scheduledTrack: "1"))).ToByteArray();
        var second = Message(true, TripEntity("y", MtaTrip("a"), Stop("419N", At(65), scheduledTrack: "2"), Stop("420N", At(90)))).ToByteArray();
        var otherTrain = Message(true, TripEntity("z", MtaTrip("a", trainId: "another"), Stop("419N", At(70)))).ToByteArray();

        var forward = AssertSameAsTyped(Options, [("first", first), ("second", second), ("other", otherTrain)], Now);
        var backward = AssertSameAsTyped(Options, [("second", second), ("first", first)], Now);

        Assert.Equal([("first", "1"), ("other", null), ("second", null)], forward.Arrivals.Select(a => (a.Feed, a.Track)));
        Assert.Equal([("second", "2"), ("second", null)], backward.Arrivals.Select(a => (a.Feed, a.Track)));
    }

    [Fact]
    public void ProjectFromWire_SameKeyTwiceInOneFeed_FirstEntityWins()
    {
        var message = Message(
            true,
            TripEntity("x", MtaTrip("a"), Stop("419N", At(60), scheduledTrack: "1"), Stop("419N", At(61), scheduledTrack: "9")),
            TripEntity("y", MtaTrip("a"), Stop("419N", At(65), scheduledTrack: "2")),
            TripEntity("z", MtaTrip("a", startDate: "20250919"), Stop("419N", At(70), scheduledTrack: "3")));

        var result = AssertSameAsTyped(Options, message.ToByteArray(), Now);

        Assert.Equal(["1", "3"], result.Arrivals.Select(a => a.Track));
    }

    [Fact]
    public void ProjectFromWire_AlertsShapesAndStopsBesideTrips_ReadFromTheWire()
    {
        var alert = new Wire.Alert
        {
            ActivePeriod = { new Wire.TimeRange { Start = HeaderSeconds, End = HeaderSeconds + 60 } },
            InformedEntity = { new Wire.EntitySelector { RouteId = "4", Trip = MtaTrip("a") } },
            HeaderText = new Wire.TranslatedString { Translation = { new Wire.TranslatedString.Types.Translation { Text = "Train delayed", Language = "en" } } },
            TtsHeaderText = new Wire.TranslatedString { Translation = { new Wire.TranslatedString.Types.Translation { Language = "no text: never read" } } },
        };
        var message = Message(
            true,
            new Wire.FeedEntity { Id = "alert", Alert = alert },
            new Wire.FeedEntity { Id = "shape", Shape = new Wire.Shape { ShapeId = "4..N", EncodedPolyline = "_p~iF~ps|U" } },
            new Wire.FeedEntity { Id = "stop", Stop = new Wire.Stop { StopId = "419", StopName = new Wire.TranslatedString { Translation = { new Wire.TranslatedString.Types.Translation { Text = "Wall St" } } } } },
            TripEntity("trip", MtaTrip("a"), Stop("419N", At(60))));

        var result = AssertSameAsTyped(Options, message.ToByteArray(), Now);

        Assert.Single(result.Arrivals);
    }

    [Fact]
    public void ProjectFromWire_NoStationsConfigured_StillReadsEveryFeed()
    {
        var options = new ArrivalProjectorOptions();
        var message = Message(true, TripEntity("trip", MtaTrip("a"), Stop("419N", At(60))), VehicleEntity("v", MtaTrip("a"), HeaderSeconds));

        var result = AssertSameAsTyped(options, message.ToByteArray(), Now);

        Assert.Empty(result.Arrivals);
        Assert.Equal(new TripFeedSummary("feed", Now, 1, 1), result.Feeds[0]);
        Assert.Throws<FeedPayloadException>(() => new ArrivalProjector(options).ProjectFromWire([("feed", message.ToByteArray().AsMemory(0, 20))], Now));
    }

    [Fact]
    public void ProjectRead_ReadOfAnotherProjectorOrNull_Throws()
    {
        var payload = Message(true, TripEntity("trip", MtaTrip("a"), Stop("419N", At(60)))).ToByteArray();
        var projector = new ArrivalProjector(Options);
        var other = new ArrivalProjector(Options);

        var error = Assert.Throws<ArgumentException>(() => projector.ProjectRead([other.ReadFromWire("ACE", payload)], Now));
        Assert.StartsWith("feeds[0] ('ACE') was read by another projector.", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => projector.ProjectRead(null!, Now));
        Assert.Throws<ArgumentNullException>(() => projector.ProjectRead([null!], Now));
        Assert.Throws<ArgumentNullException>(() => projector.ReadFromWire(null!, payload));
        Assert.Throws<FeedPayloadException>(() => projector.ReadFromWire("ACE", payload.AsMemory(0, 20)));
    }

    [Fact]
    public void ProjectFromWire_NullArguments_Throw()
    {
        var projector = new ArrivalProjector(Options);

        Assert.Throws<ArgumentNullException>(() => projector.ProjectFromWire(null!, Now));
        Assert.Throws<ArgumentNullException>(() => projector.ProjectFromWire([(null!, ReadOnlyMemory<byte>.Empty)], Now));
    }
}
