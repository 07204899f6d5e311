using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Testing;

namespace TransitDash.Feeds.Tests.GtfsRealtime;

/// <summary>The parser against the real MTA recordings. Expected counts and header times come from
/// the fixtures' PROVENANCE.md; the NYCT values were read by hand with <c>protoc --decode_raw</c>.</summary>
public sealed partial class GtfsRealtimeParserTests
{
    /// <summary>Per recording: trip updates, vehicles, alerts, stop time updates, header timestamp.</summary>
    public sealed record Expected(int TripUpdates, int Vehicles, int Alerts, int StopTimeUpdates, long HeaderTimestamp);

    private static readonly Dictionary<string, Expected> Provenance = new(StringComparer.Ordinal)
    {
        ["gtfs-1234567s-20250918T193421Z.pb"] = new(281, 163, 1, 6067, 1758224061),
        ["gtfs-1234567s-20251002T233821Z.pb"] = new(280, 176, 1, 5592, 1759448301),
        ["gtfs-ace-20251002T141948Z.pb"] = new(130, 130, 0, 2475, 1759414788),
        ["gtfs-bdfm-20251002T142005Z.pb"] = new(169, 169, 0, 3816, 1759414805),
        ["gtfs-g-20251002T142020Z.pb"] = new(25, 25, 0, 418, 1759414820),
        ["gtfs-jz-20251002T142020Z.pb"] = new(32, 32, 0, 627, 1759414820),
        ["gtfs-l-20251002T142042Z.pb"] = new(33, 20, 0, 589, 1759414842),
        ["gtfs-si-20251002T142056Z.pb"] = new(7, 7, 0, 119, 1759414856),
        ["gtfs-nqrw-20251002T135237Z.pb"] = new(125, 125, 0, 2915, 1759413157),
        ["gtfs-123456s-20190915T000100Z.pb"] = new(112, 76, 1, 2192, 1568505660),
        ["gtfs-123456s-20190916T224754Z.pb"] = new(261, 157, 1, 5771, 1568674074),
        ["gtfs-7-20190915T000104Z.pb"] = new(37, 37, 0, 620, 1568505664),
        ["gtfs-7-20190916T224802Z.pb"] = new(66, 66, 0, 957, 1568674082),
        ["gtfs-ace-20190915T000112Z.pb"] = new(87, 87, 0, 1973, 1568505672),
        ["gtfs-ace-20190916T224815Z.pb"] = new(144, 144, 0, 2686, 1568674095),
        ["gtfs-bdfm-20190915T000116Z.pb"] = new(86, 86, 0, 2248, 1568505676),
        ["gtfs-bdfm-20190917T002833Z.pb"] = new(137, 137, 0, 3236, 1568680113),
        ["gtfs-g-20190915T000111Z.pb"] = new(22, 22, 0, 366, 1568505671),
        ["gtfs-g-20190916T224953Z.pb"] = new(26, 26, 0, 413, 1568674193),
        ["gtfs-jz-20190915T000104Z.pb"] = new(21, 21, 0, 478, 1568505664),
        ["gtfs-jz-20190916T225004Z.pb"] = new(23, 23, 0, 508, 1568674204),
        ["gtfs-l-20190915T000046Z.pb"] = new(9, 4, 0, 49, 1568505646),
        ["gtfs-l-20190916T224948Z.pb"] = new(36, 23, 0, 637, 1568674188),
        ["gtfs-nqrw-20190915T000114Z.pb"] = new(78, 78, 0, 1924, 1568505674),
        ["gtfs-nqrw-20190916T225013Z.pb"] = new(122, 122, 0, 2940, 1568674213),
        ["gtfs-si-20190915T000110Z.pb"] = new(5, 5, 0, 53, 1568505670),
        ["gtfs-si-20190916T225012Z.pb"] = new(14, 14, 0, 159, 1568674212),
        ["gtfs-1234567s-20211126T205625Z.pb"] = new(285, 174, 1, 6109, 1637960185),
        ["gtfs-ace-20211126T205723Z.pb"] = new(156, 156, 0, 2719, 1637960243),
        ["gtfs-1234567s-20211127T024831Z.pb"] = new(208, 136, 1, 4109, 1637981311),
    };

    public static TheoryData<string> RecordingNames => new(Provenance.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void MtaRecordings_OnDisk_AreExactlyTheProvenanceTable()
    {
        var onDisk = Fixtures.MtaRecordings().Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(Provenance.Keys.Order(StringComparer.Ordinal), onDisk);
    }

    [Theory]
    [MemberData(nameof(RecordingNames))]
    public void ParseTripFeed_MtaRecording_CountsAndHeaderTimeMatchProvenance(string fileName)
    {
        var expected = Provenance[fileName];

        var feed = GtfsRealtimeParser.ParseTripFeed("recording", Fixtures.Bytes($"mta/{fileName}"));

        Assert.Equal(expected.TripUpdates, feed.TripUpdates.Count);
        Assert.Equal(expected.Vehicles, feed.VehiclePositions.Count);
        Assert.Equal(expected.Alerts, feed.Alerts.Count);
        Assert.Equal(expected.StopTimeUpdates, feed.TripUpdates.Sum(t => t.StopTimeUpdates.Count));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(expected.HeaderTimestamp), feed.HeaderTime);
        Assert.Equal("1.0", feed.GtfsRealtimeVersion);
        Assert.Equal("1.0", feed.NyctSubwayVersion);
        Assert.True(feed.HasNyctExtension);
        Assert.Equal("recording", feed.FeedName);
    }

    [Fact]
    public void ParseTripFeed_LFeed_ReadsExplicitIncrementality()
    {
        // Only the L feed sends incrementality (FULL_DATASET) explicitly; the value is the same.
        var feed = GtfsRealtimeParser.ParseTripFeed("L", Fixtures.Bytes("mta/gtfs-l-20251002T142042Z.pb"));

        Assert.Equal(FeedIncrementality.FullDataset, feed.Incrementality);
    }

    [Fact]
    public void ParseTripFeed_AceFeed2021_ReadsNyctTripAndTracks()
    {
        var update = RecordedTripUpdate("gtfs-ace-20211126T205723Z.pb", "000003A");
        var trip = update.Trip;
        Assert.Equal("088550_A..S", trip.TripId);
        Assert.Equal("A", trip.RouteId);
        Assert.Equal("14:45:30", trip.StartTime);
        Assert.Equal("20211126", trip.StartDate);
        Assert.Null(trip.DirectionId);
        Assert.Equal(TripScheduleRelationship.Scheduled, trip.ScheduleRelationship);
        Assert.True(trip.HasNyctExtension);
        Assert.Equal("1A 1445+ 207/LEF", trip.TrainId);
        Assert.True(trip.IsAssigned);
        Assert.Equal(NyctDirection.South, trip.NyctDirection);

        var first = update.StopTimeUpdates[0];
        Assert.Equal("A64S", first.StopId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1637960235), first.ArrivalTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1637960235), first.DepartureTime);
        Assert.Null(first.ArrivalDelay);
        Assert.Null(first.StopSequence);
        Assert.Equal("K1", first.ScheduledTrack);
        Assert.Equal("K1", first.ActualTrack);
    }

    [Fact]
    public void ParseTripFeed_AceFeed2021_ReadsVehicleOfTrip()
    {
        var feed = GtfsRealtimeParser.ParseTripFeed("ACE", Fixtures.Bytes("mta/gtfs-ace-20211126T205723Z.pb"));

        var vehicle = Assert.Single(feed.VehiclePositions, v => v.EntityId == "000004A");
        Assert.Equal("1A 1445+ 207/LEF", vehicle.Trip?.TrainId);
        Assert.Equal(30u, vehicle.CurrentStopSequence);
        Assert.Equal(VehicleStopStatus.StoppedAt, vehicle.CurrentStatus);
        Assert.Equal("A64S", vehicle.StopId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1637960235), vehicle.Timestamp);
        Assert.Null(vehicle.Latitude);
        Assert.Null(vehicle.Longitude);
        Assert.Null(vehicle.OccupancyStatus);
    }

    [Fact]
    public void ParseTripFeed_NorthboundTripWithoutDirectionMember_IsNorth()
    {
        // Since 2021 the MTA leaves the direction out of northbound trips (NORTH is the proto2 default).
        var trip = RecordedTripUpdate("gtfs-ace-20211126T205723Z.pb", "000001A").Trip;
        Assert.Equal("087500_A..N", trip.TripId);
        Assert.Equal("1A 1435 FAR/207", trip.TrainId);
        Assert.Equal(NyctDirection.North, trip.NyctDirection);
    }

    [Fact]
    public void ParseTripFeed_TripWithoutIsAssigned_IsAssignedIsNull()
    {
        var update = RecordedTripUpdate("gtfs-ace-20211126T205723Z.pb", "000039A");
        Assert.Equal("1A 1602 207/LEF", update.Trip.TrainId);
        Assert.Null(update.Trip.IsAssigned);
        Assert.Equal(NyctDirection.South, update.Trip.NyctDirection);
        Assert.Equal(("A02S", "A3", "A3"), StopAndTracks(update.StopTimeUpdates[0]));
    }

    [Fact]
    public void ParseTripFeed_NumberedLines2021_ActualTrackDiffersFromScheduled()
    {
        var update = RecordedTripUpdate("gtfs-1234567s-20211126T205625Z.pb", "000046");
        Assert.Equal("096100_1..S03R", update.Trip.TripId);
        Assert.Null(update.Trip.StartTime);
        Assert.Equal("01 1601  242/SFT", update.Trip.TrainId);
        Assert.True(update.Trip.IsAssigned);

        var origin = update.StopTimeUpdates[0];
        Assert.Equal("101S", origin.StopId);
        Assert.Null(origin.ArrivalTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1637960460), origin.DepartureTime);
        Assert.Equal("1", origin.ScheduledTrack);
        Assert.Equal("4", origin.ActualTrack);

        var next = update.StopTimeUpdates[1];
        Assert.Equal("103S", next.StopId);
        Assert.Equal("1", next.ScheduledTrack);
        Assert.Null(next.ActualTrack);
    }

    [Fact]
    public void ParseTripFeed_NumberedLines2019_ReadsExplicitlyUnassignedTrip()
    {
        var update = RecordedTripUpdate("gtfs-123456s-20190915T000100Z.pb", "000024");
        Assert.Equal("121000_1..S12R", update.Trip.TripId);
        Assert.Equal("01 2010  137/SFT", update.Trip.TrainId);
        Assert.False(update.Trip.IsAssigned);
        Assert.Equal(NyctDirection.South, update.Trip.NyctDirection);
        Assert.Equal(("115S", "1", (string?)null), StopAndTracks(update.StopTimeUpdates[0]));
    }

    [Fact]
    public void ParseTripFeed_LFeed2019_ReadsExplicitNorthAndScheduleRelationship()
    {
        var update = RecordedTripUpdate("gtfs-l-20190916T224948Z.pb", "3");
        Assert.Equal("0L 1816+RPY/8AV", update.Trip.TrainId);
        Assert.Equal(NyctDirection.North, update.Trip.NyctDirection);
        var first = update.StopTimeUpdates[0];
        Assert.Equal("L05N", first.StopId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1568674169), first.ArrivalTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1568674184), first.DepartureTime);
        Assert.Equal(StopScheduleRelationship.Scheduled, first.ScheduleRelationship);
        Assert.Equal(("2", "2"), (first.ScheduledTrack, first.ActualTrack));
    }

    [Fact]
    public void ParseTripFeed_NumberedLines2019Alert_InformsTripsWithNyctTrainIds()
    {
        var feed = GtfsRealtimeParser.ParseTripFeed("123456S", Fixtures.Bytes("mta/gtfs-123456s-20190916T224754Z.pb"));

        var alert = Assert.Single(feed.Alerts);
        Assert.Equal("000419", alert.Id);
        Assert.Equal(
            ["$4 1550  WDL/UTI", "04 1249  UTI/WDL", "04 1617  BPK/UTI", "05 1816+ DYR/FLA", "06 0921  BBR/PEL"],
            alert.InformedTrips.Select(t => t.TrainId));
        Assert.Equal("095000_4..S06R", alert.InformedTrips[0].TripId);
        Assert.Equal("4", alert.InformedTrips[0].RouteId);
        Assert.All(alert.InformedTrips, t => Assert.True(t.IsAssigned));
        Assert.Equal("Train delayed", alert.Header);
    }

    [Theory]
    [InlineData("gtfs-1234567s-20211126T205625Z.pb", "000460", 0)]
    [InlineData("gtfs-1234567s-20211127T024831Z.pb", "000345", 3)]
    [InlineData("gtfs-1234567s-20250918T193421Z.pb", "000445", 4)]
    [InlineData("gtfs-1234567s-20251002T233821Z.pb", "000457", 0)]
    public void ParseTripFeed_NumberedLines2021AndLater_AlertHeaderIsTrainDelayed(string fileName, string alertId, int informedTrips)
    {
        var feed = GtfsRealtimeParser.ParseTripFeed("1234567S", Fixtures.Bytes($"mta/{fileName}"));

        var alert = Assert.Single(feed.Alerts);
        Assert.Equal(alertId, alert.Id);
        Assert.Equal("Train delayed", alert.Header);
        Assert.Null(alert.Description);
        Assert.Null(alert.AlertType);
        Assert.Null(alert.ActivePeriodText);
        Assert.Empty(alert.ActivePeriods);
        Assert.Equal(informedTrips, alert.InformedTrips.Count);
        Assert.All(alert.InformedTrips, t => Assert.NotNull(t.TrainId));
    }

    private static TripUpdate RecordedTripUpdate(string fileName, string entityId) =>
        Assert.Single(GtfsRealtimeParser.ParseTripFeed(fileName, Fixtures.Bytes($"mta/{fileName}")).TripUpdates, t => t.EntityId == entityId);

    private static (string? StopId, string? ScheduledTrack, string? ActualTrack) StopAndTracks(StopTimeUpdate update) =>
        (update.StopId, update.ScheduledTrack, update.ActualTrack);
}
