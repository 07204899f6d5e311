using TransitDash.Feeds.Gbfs;
using TransitDash.Feeds.Gbfs.Internal;
using TransitDash.Testing;

namespace TransitDash.Feeds.Tests.Gbfs;

public sealed class DockStatusProjectorTests
{
    private static readonly GbfsVehicleType Classic = new("classic", "bicycle", "human", "Classic");
    private static readonly GbfsVehicleType Pedelec = new("pedelec", "bicycle", "electric_assist", "E-bike");
    private static readonly GbfsVehicleType Electric = new("throttle", "Bicycle", "ELECTRIC", null);
    private static readonly GbfsVehicleType Scooter = new("scooter", "scooter_standing", "electric", null);
    private static readonly GbfsVehicleType Cargo = new("cargo", "cargo_bicycle", "electric_assist", null);
    private static readonly GbfsVehicleType[] AllTypes = [Classic, Pedelec, Electric, Scooter, Cargo];
    private static readonly BikeStationStatus OneBike = Status(1);

    [Fact]
    public void Project_NumEbikesPresent_ClassicIsBikesMinusEbikes()
    {
        // Per-type counts are there too, but num_ebikes_available decides.
        var status = Status(10, ebikes: 4, counts: [Count(Classic, 9), Count(Pedelec, 1)]);

        var dock = ProjectOne(status, AllTypes);

        Assert.Equal((6, 4), (dock.BikesAvailable, dock.EbikesAvailable));
    }

    [Fact]
    public void Project_NoNumEbikes_EbikesAreElectricBicyclesNeverScooters()
    {
        // 3.0 style: num_vehicles_available counts the scooters and cargo bikes too.
        var status = Status(20, counts: [Count(Classic, 3), Count(Pedelec, 2), Count(Electric, 1), Count(Scooter, 7), Count(Cargo, 7)]);

        var dock = ProjectOne(status, AllTypes);

        Assert.Equal((3, 3), (dock.BikesAvailable, dock.EbikesAvailable));
    }

    [Fact]
    public void Project_NoNumEbikesAndNoHumanTypeListed_HasNoClassicBikes()
    {
        var status = Status(7, counts: [Count(Pedelec, 2), Count(Scooter, 5)]);

        var dock = ProjectOne(status, AllTypes);

        Assert.Equal((0, 2), (dock.BikesAvailable, dock.EbikesAvailable));
    }

    [Fact]
    public void Project_NoNumEbikesAndNoVehicleTypes_ClassicIsTheTotalMinusEbikes()
    {
        var withoutCounts = ProjectOne(Status(9), AllTypes);
        var countsButNoTypes = ProjectOne(Status(9, counts: [Count(Classic, 4), Count(Pedelec, 5)]));
        var unknownTypeIds = ProjectOne(Status(9, counts: [new VehicleTypeCount("mystery", 9)]), AllTypes);

        Assert.Equal((9, 0), (withoutCounts.BikesAvailable, withoutCounts.EbikesAvailable));
        Assert.Equal((9, 0), (countsButNoTypes.BikesAvailable, countsButNoTypes.EbikesAvailable));
        Assert.Equal((9, 0), (unknownTypeIds.BikesAvailable, unknownTypeIds.EbikesAvailable));
    }

    [Fact]
    public void Project_CountsThatWouldGoNegative_AreZero()
    {
        var moreEbikesThanBikes = ProjectOne(Status(2, ebikes: 5), AllTypes);
        var negativeUpstream = ProjectOne(Status(-3, ebikes: -1, docks: -2), AllTypes);
        var negativeTypeCount = ProjectOne(Status(0, counts: [Count(Classic, -4), Count(Pedelec, -1)]), AllTypes);

        Assert.Equal((0, 5), (moreEbikesThanBikes.BikesAvailable, moreEbikesThanBikes.EbikesAvailable));
        Assert.Equal((0, 0, 0), (negativeUpstream.BikesAvailable, negativeUpstream.EbikesAvailable, negativeUpstream.DocksAvailable));
        Assert.Equal((0, 0, 0), (negativeTypeCount.BikesAvailable, negativeTypeCount.EbikesAvailable, negativeTypeCount.PercentFull));
    }

    [Fact]
    public void Project_StatusFields_PassThroughAndAbsentDocksAreZero()
    {
        var reported = new DateTimeOffset(2026, 9, 29, 19, 39, 17, TimeSpan.Zero);
        var status = Status(3, ebikes: 1, docks: null) with { IsRenting = false, IsReturning = true, LastReported = reported };

        var dock = ProjectOne(status);

        Assert.Equal(new DockStatus("s", "Station s", 2, 1, 0, 10, false, true, reported, 30, null) { Latitude = 40.7, Longitude = -74 }, dock);
    }

    [Theory]
    [InlineData(1, 0, 8, 13)]     // 12.5 rounds up
    [InlineData(6, 1, 8, 88)]     // 87.5 rounds up
    [InlineData(0, 1, 200, 1)]    // 0.5 rounds up
    [InlineData(1, 0, 400, 0)]    // 0.25 rounds down
    [InlineData(1, 0, 3, 33)]
    [InlineData(1, 1, 3, 67)]
    [InlineData(8, 0, 8, 100)]
    [InlineData(9, 2, 8, 100)]    // more bikes than docks: clamped
    [InlineData(5, 1, 0, 0)]      // no capacity
    [InlineData(5, 1, -4, 0)]     // nonsense capacity counts as unknown
    public void Project_PercentFull_RoundsHalfAwayFromZeroWithin0To100(int bikes, int ebikes, int capacity, int expected)
    {
        var dock = ProjectOne(Status(bikes + ebikes, ebikes: ebikes), [], capacity);

        Assert.Equal(expected, dock.PercentFull);
        Assert.Equal(Math.Max(capacity, 0), dock.TotalCapacity);
    }

    [Fact]
    public void Project_UnknownCapacity_IsZeroCapacityAndZeroPercent()
    {
        var dock = ProjectOne(Status(5), [], capacity: null);

        Assert.Equal((0, 0), (dock.TotalCapacity, dock.PercentFull));
    }

    [Theory]
    [InlineData(25, 2, 13)]
    [InlineData(-25, 2, -13)]
    [InlineData(15, 10, 2)]
    [InlineData(-15, 10, -2)]
    [InlineData(14, 10, 1)]
    [InlineData(-14, 10, -1)]
    [InlineData(16, 10, 2)]
    [InlineData(-16, 10, -2)]
    [InlineData(0, 7, 0)]
    public void RoundHalfAwayFromZero_Midpoints_GoAwayFromZeroOnBothSides(long numerator, long denominator, long expected)
    {
        Assert.Equal(expected, DockStatusRules.RoundHalfAwayFromZero(numerator, denominator));
    }

    [Fact]
    public void PercentFull_NegativeMidpoint_RoundsAwayThenClampsToZero()
    {
        Assert.Equal(0, DockStatusRules.PercentFull(-1, 8));                           // -12.5 -> -13 -> 0
        Assert.Equal(13, DockStatusRules.PercentFull(1, 8));                           // +12.5 -> 13
    }

    [Fact]
    public void Project_ByIdAndName_InConfiguredOrder()
    {
        var system = System([Station("a", "Broadway & E 21 St"), Station("b", "W 21 St & 6 Ave"), Station("c", "W 25 St & 6 Ave")]);

        var projection = Project(system, Ref("c"), ByName("broadway & e 21 ST"), Ref("b"));

        Assert.Equal(["c", "a", "b"], projection.Stations.Select(s => s.StationId));
        Assert.Equal("Broadway & E 21 St", projection.Stations[1].Name);
        Assert.All(projection.Stations, s => Assert.Null(s.DistanceMeters));
        Assert.Empty(projection.MissingStations);
        Assert.Empty(projection.StationsWithoutStatus);
    }

    [Fact]
    public void Project_IdAndNameBothGiven_IdWins()
    {
        var system = System([Station("a", "Alpha"), Station("b", "Beta")]);

        var projection = Project(system, new BikeStationReference("b", "Alpha"), new BikeStationReference("gone", "Alpha"));

        Assert.Equal(["b"], projection.Stations.Select(s => s.StationId));
        Assert.Equal(["gone"], projection.MissingStations);
    }

    [Fact]
    public void Project_NameMatching_IsExactApartFromCase()
    {
        var system = System([Station("a", "W 21 St & 6 Ave")]);

        var projection = Project(system, ByName("W 21 St"), ByName(" W 21 St & 6 Ave"), ByName("W 21 ST & 6 AVE"), Ref("A"));

        Assert.Equal(["a"], projection.Stations.Select(s => s.StationId));
        Assert.Equal(["W 21 St", " W 21 St & 6 Ave", "A"], projection.MissingStations); // ids are case-sensitive
    }

    [Fact]
    public void Project_RepeatedReferences_ListEachStationAndEachMissingOneOnce()
    {
        var system = System([Station("a", "Alpha"), Station("b", "Beta")]);

        var projection = Project(system, Ref("a"), ByName("ALPHA"), Ref("x"), Ref("b"), Ref("a"), Ref("x"), new BikeStationReference(null, null));

        Assert.Equal(["a", "b"], projection.Stations.Select(s => s.StationId));
        Assert.Equal(["x"], projection.MissingStations);
    }

    [Fact]
    public void Project_Near_StationsWithinTheRadiusNearestFirstAfterTheConfiguredOnes()
    {
        // Along a meridian 0.001 degree of latitude is about 111.2 m.
        var system = System([
            Station("far", "Far", latitude: 40.710),
            Station("second", "Second", latitude: 40.702),
            Station("configured", "Configured", latitude: 40.7005),
            Station("first", "First", latitude: 40.701),
            Station("third", "Third", latitude: 40.7029),
            Station("outside", "Outside", latitude: 40.703)]);
        var near = new GeoCircle(40.700, -74.0, 325);

        var projection = DockStatusProjector.Project(system, new BikeStationSelection([Ref("far"), Ref("configured")], near));

        Assert.Equal(["far", "configured", "first", "second", "third"], projection.Stations.Select(s => s.StationId));
        Assert.Equal([1112.0, 55.6, 111.2, 222.4, 322.5], projection.Stations.Select(s => Math.Round(s.DistanceMeters!.Value, 1)));
    }

    [Fact]
    public void Project_Near_TheBoundaryIsInside()
    {
        var system = System([Station("edge", "Edge", latitude: 40.7031, longitude: -74.0017)]);
        var exact = GreatCircle.DistanceMeters(40.7, -74.0, 40.7031, -74.0017);

        var on = DockStatusProjector.Project(system, new BikeStationSelection([], new GeoCircle(40.7, -74.0, exact)));
        var justInside = DockStatusProjector.Project(system, new BikeStationSelection([], new GeoCircle(40.7, -74.0, Math.BitDecrement(exact))));

        Assert.Equal(exact, Assert.Single(on.Stations).DistanceMeters);
        Assert.Empty(justInside.Stations);
    }

    [Fact]
    public void Project_StationWithoutStatus_IsListedApartNotProjected()
    {
        var system = System([Station("a", "A"), Station("b", "B") with { Status = null }, Station("c", "C") with { Status = null }]);

        var projection = Project(system, Ref("b"), Ref("a"), Ref("zzz"));

        Assert.Equal(["a"], projection.Stations.Select(s => s.StationId));
        Assert.Equal(["b"], projection.StationsWithoutStatus);
        Assert.Equal(["zzz"], projection.MissingStations);
    }

    [Fact]
    public void Project_EmptySelection_ReportsNothing()
    {
        var projection = Project(System([Station("a", "A")]));

        Assert.Empty(projection.Stations);
        Assert.Empty(projection.MissingStations);
        Assert.Empty(projection.StationsWithoutStatus);
    }

    [Fact]
    public void DistanceMeters_KnownDistances_UseTheMeanEarthRadius()
    {
        Assert.Equal(111_195.080, GreatCircle.DistanceMeters(0, 0, 1, 0), 3);
        Assert.Equal(Math.PI * 6_371_008.8, GreatCircle.DistanceMeters(0, 0, 0, 180), 6);
        Assert.Equal(0, GreatCircle.DistanceMeters(40.7, -74.0, 40.7, -74.0));
    }

    [Fact]
    public void Project_V11Capture_ByNameByIdAndNearWallStreet()
    {
        var system = GbfsParser.ParseSystem(
            "citibike",
            Fixtures.Bytes("citibike/v1.1/station_information-20240312T222449Z.json"),
            Fixtures.Bytes("citibike/v1.1/station_status-20240312T222350Z.json"),
            []);
        var selection = new BikeStationSelection(
            [ByName("w 52 st & 11 ave"), Ref("1826348248869574940"), ByName("Wall St & Nowhere")],
            new GeoCircle(40.7069, -74.0113, 300));

        var projection = DockStatusProjector.Project(system, selection);

        Assert.Equal(
            [
                "66db237e-0aca-11e7-82f6-3863bb44ef7c", "1826348248869574940",
                "7dda8844-60ba-4449-b05c-54c1d14ab5fb", "66dbca0f-0aca-11e7-82f6-3863bb44ef7c", "6067af3d-f7ed-4149-a394-2fc2eb295872",
                "66db3583-0aca-11e7-82f6-3863bb44ef7c", "66dbf667-0aca-11e7-82f6-3863bb44ef7c",
            ],
            projection.Stations.Select(s => s.StationId));
        Assert.Equal(["Wall St & Nowhere"], projection.MissingStations);
        Assert.Empty(projection.StationsWithoutStatus);

        var w52 = projection.Stations[0];
        Assert.Equal(
            ("W 52 St & 11 Ave", 31, 2, 18, 55, 60, DateTimeOffset.FromUnixTimeSeconds(1710282203)),
            (w52.Name, w52.BikesAvailable, w52.EbikesAvailable, w52.DocksAvailable, w52.TotalCapacity, w52.PercentFull, w52.LastReported));
        var church = projection.Stations[1];
        Assert.Equal(("E 18 St & Church Ave", 13, 0, 16, 31, 42), (church.Name, church.BikesAvailable, church.EbikesAvailable, church.DocksAvailable, church.TotalCapacity, church.PercentFull));
        var morris = projection.Stations[2];
        Assert.Equal(("Broadway & Morris St", 19, 0, 46, 69, 28, 193.483), (morris.Name, morris.BikesAvailable, morris.EbikesAvailable, morris.DocksAvailable, morris.TotalCapacity, morris.PercentFull, Math.Round(morris.DistanceMeters!.Value, 3)));
        Assert.Equal(297.399, Math.Round(projection.Stations[^1].DistanceMeters!.Value, 3));
    }

    private static DockStatus ProjectOne(BikeStationStatus status, GbfsVehicleType[]? types = null, int? capacity = 10)
    {
        var system = System([Station("s", "Station s", capacity: capacity) with { Status = status }], types ?? []);
        return Assert.Single(Project(system, Ref("s")).Stations);
    }

    private static DockStatusProjection Project(GbfsSystem system, params BikeStationReference[] references)
        => DockStatusProjector.Project(system, new BikeStationSelection(references, null));

    private static BikeStationReference Ref(string id) => new(id, null);

    private static BikeStationReference ByName(string name) => new(null, name);

    private static VehicleTypeCount Count(GbfsVehicleType type, int count) => new(type.VehicleTypeId, count);

    private static BikeStationStatus Status(int bikes, int? ebikes = null, int? docks = 5, VehicleTypeCount[]? counts = null)
        => new(bikes, ebikes, docks, true, true, true, null, counts ?? []);

    private static BikeStation Station(
        string id,
        string name,
        double latitude = 40.7,
        double longitude = -74.0,
        int? capacity = 10)
        => new(id, name, latitude, longitude, capacity, OneBike);

    private static GbfsSystem System(IReadOnlyList<BikeStation> stations, GbfsVehicleType[]? types = null)
        => new("2.3", null, null, stations, [], types ?? []);
}
