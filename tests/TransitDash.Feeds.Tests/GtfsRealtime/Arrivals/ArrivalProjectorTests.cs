using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Feeds.GtfsStatic;
using static TransitDash.Feeds.Tests.GtfsRealtime.Arrivals.TestFeeds;

namespace TransitDash.Feeds.Tests.GtfsRealtime.Arrivals;

public sealed class ArrivalProjectorTests
{
    private static readonly SubwayStation WallSt = new("Wall St", ["419", "230"]);

    private static ArrivalProjector Projector(ArrivalRules? rules = null, params SubwayStation[] stations) =>
        new(new ArrivalProjectorOptions { Stations = stations.Length == 0 ? [WallSt] : stations, Rules = rules ?? new ArrivalRules() });

    private static IReadOnlyList<Arrival> Project(ArrivalProjector projector, params GtfsRealtimeFeed[] feeds) => projector.Project(feeds, Header);

    [Fact]
    public void Project_OneMtaStop_FillsEveryField()
    {
        var trip = MtaTrip("114750_4..N06R", routeId: "4", trainId: "04 1907+ UTI/NLT", directionId: 0);
        var feed = Mta("1234567S", [Update(trip, Stop("419N", At(120), At(150), scheduledTrack: "4", actualTrack: "3"))]);

        var arrival = Assert.Single(Project(Projector(), feed));

        Assert.Equal(
            new Arrival("4", "Wall St", "N", "4", "419N", At(120), "114750_4..N06R", "20250918", "04 1907+ UTI/NLT", true, "3", 0, false, "1234567S"),
            arrival);
    }

    [Fact]
    public void Project_ConfiguredStopId_MatchesItselfAndItsNAndSPlatformsOnly()
    {
        var feed = Mta("1234567S", [
            Update(MtaTrip("a", direction: NyctDirection.South), Stop("419", At(60))),
            Update(MtaTrip("b"), Stop("419N", At(70))),
            Update(MtaTrip("c", direction: NyctDirection.South), Stop("419S", At(80))),
            Update(MtaTrip("d"), Stop("419E", At(90)), Stop("4190", At(90)), Stop("419n", At(90)), Stop("41", At(90)), Stop("420N", At(90))),
            Update(MtaTrip("e"), Stop("230N", At(100))),
        ]);

        var arrivals = Project(Projector(), feed);

        Assert.Equal(["419", "419N", "419S", "230N"], arrivals.Select(a => a.StopId));
        Assert.Equal(["S", "N", "S", "N"], arrivals.Select(a => a.Direction));
    }

    [Theory]
    [InlineData(NyctDirection.North, "N")]
    [InlineData(NyctDirection.South, "S")]
    [InlineData(NyctDirection.East, null)]
    [InlineData(NyctDirection.West, null)]
    [InlineData(null, null)]
    public void Project_ExactStopIdMatch_DirectionIsTheNyctDirection(NyctDirection? nyct, string? expected)
    {
        var feed = Mta("1234567S", [Update(MtaTrip("a", direction: nyct), Stop("419", At(60)))]);

        Assert.Equal(expected, Assert.Single(Project(Projector(), feed)).Direction);
    }

    [Fact]
    public void Project_SameKeyInTwoFeeds_FirstFeedInConfiguredOrderWins()
    {
        var trip = MtaTrip("a");
        var first = Mta("1234567S", [Update(trip, Stop("419N", At(60), scheduledTrack: "1"))]);
        var second = Mta("ACE", [Update(trip, Stop("419N", At(65), scheduledTrack: "2"))]);

        var forward = Assert.Single(Project(Projector(), first, second));
        var backward = Assert.Single(Project(Projector(), second, first));

        Assert.Equal(("1234567S", At(60), "1"), (forward.Feed, forward.ArrivalTime, forward.Track));
        Assert.Equal(("ACE", At(65), "2"), (backward.Feed, backward.ArrivalTime, backward.Track));
    }

    [Fact]
    public void Project_SameKeyTwiceInOneFeed_FirstEntityWins()
    {
        var trip = MtaTrip("a");
        var feed = Mta("1234567S", [
            Update(trip, Stop("419N", At(90), scheduledTrack: "1")),
            Update(trip, Stop("419N", At(30), scheduledTrack: "2")),
        ]);

        var arrival = Assert.Single(Project(Projector(), feed));

        Assert.Equal((At(90), "1"), (arrival.ArrivalTime, arrival.Track));
    }

    [Fact]
    public void Project_SameTripIdWithDifferentTrainIds_BothListed()
    {
        // The MTA reuses trip ids: the train id tells two trains apart.
        var feed = Mta("1234567S", [
            Update(MtaTrip("a", trainId: "04 1530 UTI/NLT"), Stop("419N", At(60))),
            Update(MtaTrip("a", trainId: "04 1545 UTI/NLT"), Stop("419N", At(360))),
        ]);

        var arrivals = Project(Projector(), feed);

        Assert.Equal(["04 1530 UTI/NLT", "04 1545 UTI/NLT"], arrivals.Select(a => a.TrainId));
    }

    [Fact]
    public void Project_SameTripIdWithDifferentStartDates_BothListed()
    {
        var feed = Mta("1234567S", [
            Update(MtaTrip("a", startDate: "20250917"), Stop("419N", At(60))),
            Update(MtaTrip("a", startDate: "20250918"), Stop("419N", At(60))),
        ]);

        Assert.Equal(["20250917", "20250918"], Project(Projector(), feed).Select(a => a.StartDate));
    }

    [Fact]
    public void Project_SameTripAtBothPlatformsOfAStation_BothListed()
    {
        var feed = Mta("1234567S", [Update(MtaTrip("a"), Stop("419N", At(60)), Stop("419S", At(600)))]);

        Assert.Equal(2, Project(Projector(), feed).Count);
    }

    [Theory]
    [InlineData(-29, true)]
    [InlineData(-30, true)]
    [InlineData(-31, false)]
    [InlineData(-3600, false)]
    public void Project_TrainInThePast_ListedUntil30SecondsGone(double seconds, bool listed)
    {
        var feed = Mta("1234567S", [Update(MtaTrip("a"), Stop("419N", At(seconds)))]);

        Assert.Equal(listed, Project(Projector(), feed).Count == 1);
    }

    [Theory]
    [InlineData(3600, true)]
    [InlineData(3601, false)]
    public void Project_DefaultHorizon_DropsTrainsMoreThan60MinutesOut(double seconds, bool listed)
    {
        var feed = Mta("1234567S", [Update(MtaTrip("a"), Stop("419N", At(seconds)))]);

        Assert.Equal(listed, Project(Projector(), feed).Count == 1);
    }

    [Fact]
    public void Project_ConfiguredHorizonAndGoneAfter_AreTheWindow()
    {
        var projector = new ArrivalProjector(new ArrivalProjectorOptions
        {
            Stations = [WallSt],
            Horizon = TimeSpan.FromMinutes(10),
            GoneAfter = TimeSpan.Zero,
        });
        var feed = Mta("1234567S", [
            Update(MtaTrip("gone"), Stop("419N", At(-1))),
            Update(MtaTrip("now"), Stop("419N", At(0))),
            Update(MtaTrip("edge"), Stop("419N", At(600))),
            Update(MtaTrip("far"), Stop("419N", At(601))),
        ]);

        Assert.Equal(["now", "edge"], Project(projector, feed).Select(a => a.TripId));
    }

    [Fact]
    public void Project_WindowIsMeasuredFromNowNotTheHeader()
    {
        var feed = Mta("1234567S", [Update(MtaTrip("a"), Stop("419N", At(60)))]);

        Assert.Empty(Projector().Project([feed], At(120)));
        Assert.Single(Projector().Project([feed], At(-3500)));
        Assert.Empty(Projector().Project([feed], At(-3541)));
    }

    [Fact]
    public void Project_StopWithoutArrivalTime_UsesDepartureTime()
    {
        // The first stop of a trip carries only a departure.
        var feed = Mta("1234567S", [Update(MtaTrip("a"), Stop("419N", arrival: null, departure: At(200)))]);

        Assert.Equal(At(200), Assert.Single(Project(Projector(), feed)).ArrivalTime);
    }

    [Fact]
    public void Project_StopWithBothTimes_UsesArrivalTime()
    {
        var feed = Mta("1234567S", [Update(MtaTrip("a"), Stop("419N", At(100), At(130)))]);

        Assert.Equal(At(100), Assert.Single(Project(Projector(), feed)).ArrivalTime);
    }

    [Fact]
    public void Project_StopWithNoTimes_IsSkippedAndTheTripsOtherStopsKept()
    {
        var feed = Mta("1234567S", [Update(MtaTrip("a"), Stop("419N", null, null), Stop("230N", At(300)))]);

        Assert.Equal("230N", Assert.Single(Project(Projector(), feed)).StopId);
    }

    [Fact]
    public void Project_SkippedStopAndCancelledTrip_NotListed()
    {
        var cancelled = MtaTrip("cancelled") with { ScheduleRelationship = TripScheduleRelationship.Canceled };
        var feed = Mta("1234567S", [
            Update(MtaTrip("skips"), Stop("419N", At(60), relationship: StopScheduleRelationship.Skipped)),
            Update(cancelled, Stop("419N", At(60))),
            Update(MtaTrip("runs"), Stop("419N", At(60))),
        ]);

        Assert.Equal("runs", Assert.Single(Project(Projector(), feed)).TripId);
    }

    [Theory]
    [InlineData("1", "3", "3")]
    [InlineData("1", null, "1")]
    [InlineData(null, null, null)]
    public void Project_Track_IsActualElseScheduled(string? scheduled, string? actual, string? expected)
    {
        var feed = Mta("1234567S", [Update(MtaTrip("a"), Stop("419N", At(60), scheduledTrack: scheduled, actualTrack: actual))]);

        Assert.Equal(expected, Assert.Single(Project(Projector(), feed)).Track);
    }

    [Fact]
    public void Project_ExpressAndShuttleRoutes_LineIsTheRiderNameAndRouteIdStaysRaw()
    {
        var feed = Mta("1234567S", [
            Update(MtaTrip("a", routeId: "5X"), Stop("419N", At(60))),
            Update(MtaTrip("b", routeId: "GS"), Stop("419N", At(70))),
        ]);

        var arrivals = Project(Projector(), feed);

        Assert.Equal([("5", "5X"), ("S", "GS")], arrivals.Select(a => (a.Line, a.RouteId)));
    }

    [Fact]
    public void Project_ArrivalsFromSeveralFeedsAndStations_SortedByTimeWithTiesInFeedThenEntityOrder()
    {
        var broad = new SubwayStation("Broad St", ["M23"]);
        var numbered = Mta("1234567S", [
            Update(MtaTrip("n1"), Stop("419N", At(300)), Stop("230N", At(100))),
            Update(MtaTrip("n2"), Stop("419N", At(200))),
            Update(MtaTrip("n3"), Stop("419N", At(100))),
        ]);
        var jz = Mta("JZ", [
            Update(MtaTrip("j1", routeId: "J"), Stop("M23S", At(-10))),
            Update(MtaTrip("j2", routeId: "J"), Stop("M23N", At(100))),
        ]);

        var arrivals = Project(Projector(null, WallSt, broad), numbered, jz);

        Assert.Equal(["j1", "n1", "n3", "j2", "n2", "n1"], arrivals.Select(a => a.TripId));
        Assert.Equal(["M23S", "230N", "419N", "M23N", "419N", "419N"], arrivals.Select(a => a.StopId));
    }

    [Fact]
    public void Project_StationWithoutName_TakesTheCatalogsParentStationName()
    {
        var catalog = StopCatalog.ParseStopsTxt(new StringReader(
            "stop_id,stop_name,parent_station\nR27,Whitehall St-South Ferry,\nR27N,Whitehall St (platform),R27\n"));
        var projector = new ArrivalProjector(new ArrivalProjectorOptions { Stations = [new SubwayStation(null, ["R27"])] }, catalog);
        var feed = Mta("NQRW", [Update(MtaTrip("r", routeId: "R"), Stop("R27N", At(60)))]);

        Assert.Equal("Whitehall St-South Ferry", Assert.Single(projector.Project([feed], Header)).Station);
    }

    [Fact]
    public void Project_StationWithName_KeepsItsNameOverTheCatalogs()
    {
        var catalog = StopCatalog.ParseStopsTxt(new StringReader("stop_id,stop_name\n419,Wall St\n"));
        var projector = new ArrivalProjector(new ArrivalProjectorOptions { Stations = [new SubwayStation("FiDi 4/5", ["419"])] }, catalog);
        var feed = Mta("1234567S", [Update(MtaTrip("a"), Stop("419N", At(60)))]);

        Assert.Equal("FiDi 4/5", Assert.Single(projector.Project([feed], Header)).Station);
    }

    [Fact]
    public void Project_StopIdsUnknownToTheCatalog_FallBackToConfiguredNameThenStopId()
    {
        // H19N is in recorded ACE feeds but missing from the 2026 static file: unknown ids are normal.
        var catalog = StopCatalog.ParseStopsTxt(new StringReader("stop_id,stop_name\n419,Wall St\n"));
        var projector = new ArrivalProjector(
            new ArrivalProjectorOptions { Stations = [new SubwayStation("Broad Channel", ["H19"]), new SubwayStation(null, ["A62"])] },
            catalog);
        var feed = Mta("ACE", [
            Update(MtaTrip("h", routeId: "H"), Stop("H19N", At(60))),
            Update(MtaTrip("a", routeId: "A"), Stop("A62S", At(70))),
        ]);

        var arrivals = projector.Project([feed], Header);

        Assert.Equal(["Broad Channel", "A62"], arrivals.Select(a => a.Station));
    }

    [Fact]
    public void Project_NoCatalogAndNoName_StationIsTheConfiguredStopId()
    {
        var projector = new ArrivalProjector(new ArrivalProjectorOptions { Stations = [new SubwayStation(null, ["419", "230"])] });
        var feed = Mta("1234567S", [Update(MtaTrip("a"), Stop("419N", At(60)), Stop("230S", At(70)))]);

        Assert.Equal(["419", "230"], projector.Project([feed], Header).Select(a => a.Station));
    }

    [Fact]
    public void Project_NonMtaFeed_NoRuleAppliesAndDirectionComesOnlyFromTheSuffix()
    {
        // Unassigned-looking (no is_assigned), started before the header, with a vehicle silent for an hour:
        // every MTA rule would act on it, but none applies without the NYCT extension.
        var trip = PlainTrip("t1", directionId: 1);
        var feed = Plain("Other", [Update(trip, Stop("100N", At(-600)), Stop("419", At(60)), Stop("419S", At(90)))], [Vehicle(trip, At(-3600))]);

        var arrivals = Project(Projector(), feed);

        Assert.Equal([("419", null), ("419S", "S")], arrivals.Select(a => (a.StopId, a.Direction)));
        Assert.All(arrivals, a => Assert.False(a.Stalled));
        Assert.All(arrivals, a => Assert.Equal((uint?)1, a.DirectionId));
        Assert.All(arrivals, a => Assert.Null(a.TrainId));
    }

    [Fact]
    public void Project_NonMtaTripsWithoutTrainIds_DedupeOnTripStartDateAndStop()
    {
        var feed = Plain("Other", [
            Update(PlainTrip("t1"), Stop("419N", At(60))),
            Update(PlainTrip("t1"), Stop("419N", At(70))),
            Update(PlainTrip("t2"), Stop("419N", At(80))),
        ]);

        Assert.Equal([At(60), At(80)], Project(Projector(), feed).Select(a => a.ArrivalTime));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void Project_UnassignedTripThatShouldHaveStartedBeforeTheHeader_IsDropped(bool? isAssigned)
    {
        var feed = Mta("1234567S", [Update(MtaTrip("stale", isAssigned: isAssigned), Stop("250N", At(-1)), Stop("419N", At(300)))]);

        Assert.Empty(Project(Projector(), feed));
    }

    [Fact]
    public void Project_AssignedTripStartedBeforeTheHeader_IsKept()
    {
        var feed = Mta("1234567S", [Update(MtaTrip("running", isAssigned: true), Stop("250N", At(-600)), Stop("419N", At(300)))]);

        Assert.Single(Project(Projector(), feed));
    }

    [Fact]
    public void Project_UnassignedTripStartingAtOrAfterTheHeader_IsKept()
    {
        var feed = Mta("1234567S", [
            Update(MtaTrip("at", isAssigned: false), Stop("419N", At(0))),
            Update(MtaTrip("later", isAssigned: false), Stop("250N", null, At(60)), Stop("419N", At(300))),
        ]);

        Assert.Equal(["at", "later"], Project(Projector(), feed).Select(a => a.TripId));
    }

    [Fact]
    public void Project_UnassignedTripWhoseFirstStopHasNoTime_JudgedByTheFirstTimedStop()
    {
        var feed = Mta("1234567S", [Update(MtaTrip("stale", isAssigned: false), Stop("250N", null, null), Stop("240N", At(-5)), Stop("419N", At(300)))]);

        Assert.Empty(Project(Projector(), feed));
    }

    [Fact]
    public void Project_StaleUnassignedRuleOff_TripKept()
    {
        var feed = Mta("1234567S", [Update(MtaTrip("stale", isAssigned: false), Stop("250N", At(-60)), Stop("419N", At(300)))]);

        Assert.Single(Project(Projector(new ArrivalRules { DropStaleUnassignedTrips = false }), feed));
    }

    [Theory]
    [InlineData(-89, false)]
    [InlineData(-90, false)]
    [InlineData(-91, true)]
    [InlineData(-900, true)]
    [InlineData(5, false)]
    public void Project_VehicleLastMovedBeforeTheHeader_StalledPast90Seconds(double lastMoveSeconds, bool stalled)
    {
        var trip = MtaTrip("a");
        var feed = Mta("1234567S", [Update(trip, Stop("419N", At(60)), Stop("420N", At(120)))], [Vehicle(trip, At(lastMoveSeconds))]);

        Assert.All(Project(Projector(null, WallSt, new SubwayStation("Bowling Green", ["420"])), feed), a => Assert.Equal(stalled, a.Stalled));
    }

    [Fact]
    public void Project_StallIsMeasuredFromTheHeaderNotNow()
    {
        var trip = MtaTrip("a");
        var feed = Mta("1234567S", [Update(trip, Stop("419N", At(60)))], [Vehicle(trip, At(-30))]);

        Assert.False(Assert.Single(Projector().Project([feed], At(50))).Stalled);
    }

    [Fact]
    public void Project_StalledRuleOffOrOtherThreshold_Respected()
    {
        var trip = MtaTrip("a");
        var feed = Mta("1234567S", [Update(trip, Stop("419N", At(60)))], [Vehicle(trip, At(-200))]);

        Assert.False(Assert.Single(Project(Projector(new ArrivalRules { MarkStalledTrains = false }), feed)).Stalled);
        Assert.False(Assert.Single(Project(Projector(new ArrivalRules { StalledAfter = TimeSpan.FromMinutes(5) }), feed)).Stalled);
        Assert.True(Assert.Single(Project(Projector(new ArrivalRules { StalledAfter = TimeSpan.FromMinutes(3) }), feed)).Stalled);
    }

    [Fact]
    public void Project_StalledLooksOnlyAtTheSameTrainInTheSameFeed()
    {
        var trip = MtaTrip("a", trainId: "04 1530 UTI/NLT");
        var otherTrain = MtaTrip("a", trainId: "04 1545 UTI/NLT");
        var numbered = Mta("1234567S", [Update(trip, Stop("419N", At(60)))], [Vehicle(otherTrain, At(-600))]);
        var other = Mta("ACE", [], [Vehicle(trip, At(-600))]);
        var noVehicle = Mta("1234567S", [Update(MtaTrip("b"), Stop("419N", At(70)))]);
        var noTimestamp = Mta("1234567S", [Update(MtaTrip("c"), Stop("419N", At(80)))], [Vehicle(MtaTrip("c"), null)]);

        var arrivals = Project(Projector(), numbered, other, noVehicle, noTimestamp);

        Assert.Equal(3, arrivals.Count);
        Assert.All(arrivals, a => Assert.False(a.Stalled));
    }

    [Fact]
    public void Project_PlatformSuffixContradictsNyctDirection_KeptWithTheSuffixAndLoggedOncePerFeed()
    {
        var logger = new FakeLogger<ArrivalProjector>();
        var projector = new ArrivalProjector(new ArrivalProjectorOptions { Stations = [WallSt] }, logger: logger);
        var numbered = Mta("1234567S", [
            Update(MtaTrip("a", direction: NyctDirection.South), Stop("419N", At(60)), Stop("230N", At(70))),
            Update(MtaTrip("b", direction: NyctDirection.North), Stop("419S", At(80))),
            Update(MtaTrip("c", direction: NyctDirection.North), Stop("419N", At(90))),
        ]);
        var second = Mta("Extra", [Update(MtaTrip("d", direction: NyctDirection.South), Stop("230N", At(100)))]);

        var arrivals = projector.Project([numbered, second], Header);

        Assert.Equal([("a", "N"), ("a", "N"), ("b", "S"), ("c", "N"), ("d", "N")], arrivals.Select(a => (a.TripId, a.Direction)));
        var logged = logger.Collector.GetSnapshot().Where(r => r.Id.Id == 1100).ToArray();
        Assert.Equal(2, logged.Length);
        Assert.Equal(("1234567S", "3"), (logged[0].GetStructuredStateValue("Feed"), logged[0].GetStructuredStateValue("Count")));
        Assert.Equal(("Extra", "1"), (logged[1].GetStructuredStateValue("Feed"), logged[1].GetStructuredStateValue("Count")));
        Assert.Contains("419N", logged[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Project_EachProjection_LogsTheContradictionAgain()
    {
        var logger = new FakeLogger<ArrivalProjector>();
        var projector = new ArrivalProjector(new ArrivalProjectorOptions { Stations = [WallSt] }, logger: logger);
        var feed = Mta("1234567S", [Update(MtaTrip("a", direction: NyctDirection.South), Stop("419N", At(60)))]);

        projector.Project([feed], Header);
        projector.Project([feed], Header);

        Assert.Equal(2, logger.Collector.GetSnapshot().Count(r => r.Id.Id == 1100));
    }

    [Fact]
    public void Project_PlatformSuffixWinsOff_ReportsTheNyctDirectionAndLogsNothing()
    {
        var logger = new FakeLogger<ArrivalProjector>();
        var projector = new ArrivalProjector(
            new ArrivalProjectorOptions { Stations = [WallSt], Rules = new ArrivalRules { PlatformSuffixWins = false } },
            logger: logger);
        var feed = Mta("1234567S", [Update(MtaTrip("a", direction: NyctDirection.South), Stop("419N", At(60)))]);

        Assert.Equal("S", Assert.Single(projector.Project([feed], Header)).Direction);
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Id.Id == 1100);
    }

    [Fact]
    public void Project_RuleHits_LoggedWithTheirEventIds()
    {
        var logger = new FakeLogger<ArrivalProjector>();
        var projector = new ArrivalProjector(new ArrivalProjectorOptions { Stations = [WallSt] }, logger: logger);
        var stalledTrip = MtaTrip("stalled");
        var feed = Mta(
            "1234567S",
            [Update(MtaTrip("stale", isAssigned: false), Stop("419N", At(-10))), Update(stalledTrip, Stop("419N", At(60)))],
            [Vehicle(stalledTrip, At(-600))]);

        projector.Project([feed], Header);

        var ids = logger.Collector.GetSnapshot().Select(r => (r.Id.Id, r.Level)).ToArray();
        Assert.Contains((1101, LogLevel.Debug), ids);
        Assert.Contains((1102, LogLevel.Debug), ids);
    }

    [Fact]
    public void Project_NoFeedsOrNoStations_Empty()
    {
        var feed = Mta("1234567S", [Update(MtaTrip("a"), Stop("419N", At(60)))]);

        Assert.Empty(Projector().Project([], Header));
        Assert.Empty(new ArrivalProjector(new ArrivalProjectorOptions()).Project([feed], Header));
    }

    [Fact]
    public void Project_SameStopIdConfiguredForTwoStations_ListedOnceUnderTheFirst()
    {
        var feed = Mta("1234567S", [Update(MtaTrip("a"), Stop("419N", At(60)))]);

        var arrival = Assert.Single(Project(Projector(null, WallSt, new SubwayStation("Also Wall St", ["419"])), feed));

        Assert.Equal("Wall St", arrival.Station);
    }

    [Fact]
    public void Constructor_BadStations_ThrowsNamingTheStation()
    {
        var empty = Assert.Throws<ArgumentException>(() => new ArrivalProjector(new ArrivalProjectorOptions { Stations = [new SubwayStation("Wall St", ["419", " "])] }));
        var negative = Assert.Throws<ArgumentException>(() => new ArrivalProjector(new ArrivalProjectorOptions { Horizon = TimeSpan.FromMinutes(-1) }));

        Assert.Contains("Wall St", empty.Message, StringComparison.Ordinal);
        Assert.Contains("Horizon", negative.Message, StringComparison.Ordinal);
    }
}
