using System.Text;
using TransitDash.Feeds.Gbfs;
using TransitDash.Testing;

namespace TransitDash.Feeds.Tests.Gbfs;

public sealed partial class GbfsParserTests
{
    private const string V11Information = "citibike/v1.1/station_information-20240312T222449Z.json";
    private const string V11Status = "citibike/v1.1/station_status-20240312T222350Z.json";
    private const string V11StatusLater = "citibike/v1.1/station_status-20240312T223650Z.json";

    [Fact]
    public void ParseSystem_FullV11Capture_JoinsAll2208Stations()
    {
        var system = ParseV11(V11Status);

        Assert.Equal("1.1", system.Version);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1710282230), system.LastUpdated);
        Assert.Equal(60, system.Ttl);
        Assert.Equal(2208, system.Stations.Count);
        Assert.All(system.Stations, station => Assert.NotNull(station.Status));
        Assert.Empty(system.StatusOnlyStationIds);
        Assert.Empty(system.VehicleTypes);
        Assert.Equal(2208, system.Stations.Select(s => s.StationId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ParseSystem_FullV11Capture_KeepsNineteenDigitIdsAsStrings()
    {
        var system = ParseV11(V11Status);

        var numeric = system.Stations.Where(s => s.StationId.All(char.IsAsciiDigit)).ToList();
        Assert.Equal(357, numeric.Count);
        Assert.All(numeric, s => Assert.Equal(19, s.StationId.Length));
        var station = Assert.Single(system.Stations, s => s.StationId == "1826348248869574940");
        Assert.Equal("E 18 St & Church Ave", station.Name);
        Assert.Equal(13, station.Status!.NumBikesAvailable);
    }

    [Fact]
    public void ParseSystem_FullV11Capture_SpotChecksMatchTheFiles()
    {
        var system = ParseV11(V11Status);
        var byId = system.Stations.ToDictionary(s => s.StationId, StringComparer.Ordinal);

        Assert.Equal(
            new BikeStation("a45a712c-1e3d-4fee-bef8-adafafd80670", "62 St & 43 Ave", 40.74261, -73.903, 20, byId["a45a712c-1e3d-4fee-bef8-adafafd80670"].Status),
            system.Stations[0]);
        Assert.Equal("8 St & Washington St", system.Stations[^1].Name);

        var broadway = byId["66db237e-0aca-11e7-82f6-3863bb44ef7c"];
        Assert.Equal(("W 52 St & 11 Ave", 40.76727216, -73.99392888, (int?)55), (broadway.Name, broadway.Latitude, broadway.Longitude, broadway.Capacity));
        Assert.Equal(
            new BikeStationStatus(33, 2, 18, true, true, true, DateTimeOffset.FromUnixTimeSeconds(1710282203), []),
            broadway.Status! with { VehicleTypesAvailable = [] });
        Assert.Empty(broadway.Status!.VehicleTypesAvailable);

        // One of the 7 uninstalled stations: 0/1 flags read as false, the placeholder time 86400 kept as sent.
        var uninstalled = byId["66dc2995-0aca-11e7-82f6-3863bb44ef7c"];
        Assert.Equal("W 25 St & 6 Ave", uninstalled.Name);
        Assert.False(uninstalled.Status!.IsInstalled);
        Assert.False(uninstalled.Status.IsRenting);
        Assert.False(uninstalled.Status.IsReturning);
        Assert.Equal(new DateTimeOffset(1970, 1, 2, 0, 0, 0, TimeSpan.Zero), uninstalled.Status.LastReported);
        Assert.Equal(7, system.Stations.Count(s => s.Status!.LastReported == uninstalled.Status.LastReported));
    }

    [Fact]
    public void ParseSystem_V11StatusThirteenMinutesLater_JoinsTheSameInformation()
    {
        var first = ParseV11(V11Status);
        var later = ParseV11(V11StatusLater);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1710283010), later.LastUpdated);
        Assert.Empty(later.StatusOnlyStationIds);
        Assert.All(later.Stations, s => Assert.NotNull(s.Status));
        var changed = first.Stations.Zip(later.Stations).Count(p => p.First.Status!.NumBikesAvailable != p.Second.Status!.NumBikesAvailable);
        Assert.Equal(1126, changed);
    }

    [Fact]
    public void ParseSystem_V23AndV30OfTheSameMoment_GiveTheSameNamesAndCounts()
    {
        var v23 = ParseVersion("v2.3");
        var v30 = ParseVersion("v3.0");
        Assert.Equal(("2.3", "3.0"), (v23.Version, v30.Version));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1790710784), v23.LastUpdated);
        Assert.Equal(v23.LastUpdated, v30.LastUpdated);
        Assert.Equal(10, v23.Stations.Count);
        Assert.Empty(v23.StatusOnlyStationIds);
        Assert.Empty(v30.StatusOnlyStationIds);

        var selection = new BikeStationSelection(v23.Stations.Select(s => new BikeStationReference(s.StationId, null)).ToArray(), null);
        var old = DockStatusProjector.Project(v23, selection).Stations;
        var current = DockStatusProjector.Project(v30, selection).Stations;
        Assert.Equal(10, old.Count);
        Assert.Equal(10, current.Count);

        // The two documents disagree at exactly two stations. 2.3 has num_ebikes_available, so classic bikes
        // are num_bikes_available - num_ebikes_available; 3.0 has no such member, so classic bikes are the
        // human-powered count of vehicle_types_available. At these two stations the upstream's per-type counts
        // add up to one more than its total (33 vs 32, 15 vs 14, in both versions alike: see PROVENANCE.md),
        // so 3.0 shows one more classic bike and, from that, a higher percent_full. E-bikes, docks and
        // everything else agree.
        var disagreements = new Dictionary<string, (int OldClassic, int NewClassic, int OldPercent, int NewPercent)>
        {
            ["66dc1c5c-0aca-11e7-82f6-3863bb44ef7c"] = (18, 19, 41, 42), // 32 - 14 vs 19 human; capacity 79
            ["2e74ea1d-02a0-47bf-9665-dce2d65de8d7"] = (8, 9, 30, 32),   // 14 - 6 vs 9 human; capacity 47
        };
        foreach (var (a, b) in old.Zip(current))
        {
            Assert.Equal(a.StationId, b.StationId);
            if (disagreements.TryGetValue(a.StationId, out var expected))
            {
                Assert.Equal(expected, (a.BikesAvailable, b.BikesAvailable, a.PercentFull, b.PercentFull));
                Assert.Equal(a with { BikesAvailable = b.BikesAvailable, PercentFull = b.PercentFull }, b);
            }
            else
            {
                Assert.Equal(a, b);
            }
        }

        var w21 = Assert.Single(current, s => s.Name == "W 21 St & 6 Ave");
        Assert.Equal(
            new DockStatus("66dc120f-0aca-11e7-82f6-3863bb44ef7c", "W 21 St & 6 Ave", 16, 37, 19, 74, true, true, DateTimeOffset.Parse("2026-09-29T19:39:17Z"), 72, null)
            {
                Latitude = 40.74173969,
                Longitude = -73.99415556,
            },
            w21);
    }

    [Fact]
    public void ParseSystem_V30_ReadsRfc3339TimesBooleansLocalizedNamesAndVehicleTypes()
    {
        var system = ParseVersion("v3.0");

        var station = system.Stations.Single(s => s.StationId == "1794096976946852066");
        Assert.Equal("W 27 St & 6 Ave", station.Name);
        Assert.Equal(66, station.Capacity);
        var status = station.Status!;
        Assert.Equal(51, status.NumBikesAvailable); // num_vehicles_available
        Assert.Null(status.NumEbikesAvailable);
        Assert.True(status.IsInstalled && status.IsRenting && status.IsReturning);
        Assert.Equal(new DateTimeOffset(2026, 9, 29, 19, 38, 31, TimeSpan.Zero), status.LastReported);
        Assert.Equal([new VehicleTypeCount("1", 14), new VehicleTypeCount("2", 37)], status.VehicleTypesAvailable);
        Assert.Equal(
            [new GbfsVehicleType("1", "bicycle", "human", "Classic"), new GbfsVehicleType("2", "bicycle", "electric_assist", "E-bike")],
            system.VehicleTypes);
    }

    [Fact]
    public void ParseSystem_V23_ReadsEpochTimesNumericFlagsAndNumEbikes()
    {
        var system = ParseVersion("v2.3");

        var status = system.Stations.Single(s => s.StationId == "1794096976946852066").Status!;
        Assert.Equal((51, (int?)37, (int?)14), (status.NumBikesAvailable, status.NumEbikesAvailable, status.NumDocksAvailable));
        Assert.True(status.IsInstalled && status.IsRenting && status.IsReturning);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1790710711), status.LastReported);
        Assert.Equal([new GbfsVehicleType("1", "bicycle", "human", null), new GbfsVehicleType("2", "bicycle", "electric_assist", null)], system.VehicleTypes);
    }

    [Fact]
    public void ParseSystem_StationsMissingFromOneSide_AreReportedNotFatal()
    {
        var information = Stations("""{"station_id":"a","name":"A","lat":40.7,"lon":-74.0,"capacity":10}""", """{"station_id":"b","name":"B","lat":40.7,"lon":-74.0}""");
        var status = Stations(StatusJson("a", 3), StatusJson("z", 4), StatusJson("y", 5));

        var system = GbfsParser.ParseSystem("citibike", information, status, []);

        Assert.Equal(["a", "b"], system.Stations.Select(s => s.StationId));
        Assert.Equal(3, system.Stations[0].Status!.NumBikesAvailable);
        Assert.Null(system.Stations[1].Status);
        Assert.Null(system.Stations[1].Capacity);
        Assert.Equal(["z", "y"], system.StatusOnlyStationIds);
    }

    [Fact]
    public void ParseSystem_UnknownMembersAndNullOptionals_AreIgnored()
    {
        var information = Utf8("""
            {"future": {"deep": [1, {"x": null}]}, "last_updated": 1, "ttl": 0, "version": "2.3",
             "data": {"stations": [{"station_id": "a", "name": "A", "lat": 1, "lon": 2, "capacity": null,
                                    "rental_uris": {"ios": "x"}, "is_virtual_station": true, "station_area": {"type": "MultiPolygon"}}],
                      "extra": "ignored"}}
            """);
        var status = Utf8("""
            {"last_updated": 2, "ttl": 15, "data": {"stations": [{"station_id": "a", "num_bikes_available": 1,
             "num_docks_available": null, "is_installed": true, "is_renting": 1, "is_returning": false,
             "last_reported": null, "vehicle_docks_available": [{"vehicle_type_ids": ["1"], "count": 3}], "new": {}}]}}
            """);

        var system = GbfsParser.ParseSystem("citibike", information, status, []);

        Assert.Equal("1.1", system.Version); // the status document has no version
        Assert.Equal(15, system.Ttl);
        var station = Assert.Single(system.Stations);
        Assert.Equal(new BikeStation("a", "A", 1, 2, null, station.Status), station);
        Assert.Equal(new BikeStationStatus(1, null, null, true, true, false, null, []), station.Status! with { VehicleTypesAvailable = [] });
    }

    [Fact]
    public void ParseSystem_LocalizedNames_PickTheChosenLanguageElseTheFirst()
    {
        var information = Stations(
            """{"station_id":"a","name":[{"text":"Rue A","language":"fr"},{"text":"A Street","language":"en"}],"lat":1,"lon":2}""",
            """{"station_id":"b","name":[{"text":"Calle B","language":"es"},{"text":"Rue B","language":"fr"}],"lat":1,"lon":2}""",
            """{"station_id":"c","name":[{"text":"C Street","language":"en-US"}],"lat":1,"lon":2}""");
        var status = Stations(StatusJson("a", 1));

        var english = GbfsParser.ParseSystem("citibike", information, status, [], "en");
        var french = GbfsParser.ParseSystem("citibike", information, status, [], "FR");

        Assert.Equal(["A Street", "Calle B", "C Street"], english.Stations.Select(s => s.Name));
        Assert.Equal(["Rue A", "Rue B", "C Street"], french.Stations.Select(s => s.Name));
    }

    [Fact]
    public void ParseSystem_IdsWrittenAsNumbers_KeepEveryDigit()
    {
        var information = Stations("""{"station_id":1826348248869574940,"name":"N","lat":1,"lon":2}""");
        var status = Stations("""{"station_id":"1826348248869574940","num_bikes_available":"4","is_installed":1,"is_renting":1,"is_returning":1}""");

        var system = GbfsParser.ParseSystem("citibike", information, status, []);

        var station = Assert.Single(system.Stations);
        Assert.Equal("1826348248869574940", station.StationId);
        Assert.Equal(4, station.Status!.NumBikesAvailable); // a quoted number is still a number
    }

    [Fact]
    public void ParseSystem_RepeatedIds_KeepTheFirst()
    {
        var information = Stations("""{"station_id":"a","name":"First","lat":1,"lon":2}""", """{"station_id":"a","name":"Second","lat":1,"lon":2}""");
        var status = Stations(StatusJson("a", 1), StatusJson("a", 9));

        var system = GbfsParser.ParseSystem("citibike", information, status, []);

        var station = Assert.Single(system.Stations);
        Assert.Equal(("First", 1), (station.Name, station.Status!.NumBikesAvailable));
        Assert.Empty(system.StatusOnlyStationIds);
    }

    [Theory]
    [InlineData("\"2026-09-29T19:39:44Z\"", "2026-09-29T19:39:44+00:00")]
    [InlineData("\"2026-09-29T15:39:44-04:00\"", "2026-09-29T19:39:44+00:00")]
    [InlineData("\"2026-09-29T19:39:44.250Z\"", "2026-09-29T19:39:44.25+00:00")]
    [InlineData("\"2026-09-29T19:39:44\"", "2026-09-29T19:39:44+00:00")]
    [InlineData("1790710784", "2026-09-29T19:39:44+00:00")]
    [InlineData("\"1790710784\"", "2026-09-29T19:39:44+00:00")]
    [InlineData("1790710784.5", "2026-09-29T19:39:44.5+00:00")]
    public void ParseSystem_Times_ReadEpochSecondsAndRfc3339(string json, string expected)
    {
        var status = Utf8($$$"""{"last_updated": {{{json}}}, "data": {"stations": []}}""");

        var system = GbfsParser.ParseSystem("citibike", Stations(), status, []);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), system.LastUpdated);
    }

    [Fact]
    public void ParseSystem_ByteOrderMark_IsSkipped()
    {
        var information = Stations("""{"station_id":"a","name":"A","lat":1,"lon":2}""");

        var system = GbfsParser.ParseSystem("citibike", [0xEF, 0xBB, 0xBF, .. information], Stations(StatusJson("a", 2)), []);

        Assert.Equal(2, system.Stations[0].Status!.NumBikesAvailable);
    }

    [Fact]
    public void ParseDiscovery_V23_ListsLanguagesAndTakesThePreferredOne()
    {
        var bytes = Fixtures.Bytes("citibike/v2.3/gbfs.json");

        var english = GbfsParser.ParseDiscovery("citibike", bytes);
        var french = GbfsParser.ParseDiscovery("citibike", bytes, "fr");
        var german = GbfsParser.ParseDiscovery("citibike", bytes, "de");

        Assert.Equal("2.3", english.Version);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1790710841), english.LastUpdated);
        Assert.Equal(60, english.Ttl);
        Assert.Equal(["en", "fr", "es"], english.Languages);
        Assert.Equal(12, english.Feeds.Count);
        Assert.Equal(new Uri("https://gbfs.lyft.com/gbfs/2.3/bkn/en/station_status.json"), english.Feeds["station_status"]);
        Assert.Equal(new Uri("https://gbfs.lyft.com/gbfs/2.3/bkn/en/vehicle_types.json"), english.Feeds["vehicle_types"]);
        Assert.Equal(new Uri("https://gbfs.lyft.com/gbfs/2.3/bkn/fr/station_information.json"), french.Feeds["station_information"]);
        Assert.Equal(english.Feeds["station_status"], german.Feeds["station_status"]); // unknown language: the first listed
    }

    [Fact]
    public void ParseDiscovery_V30_HasOneFeedListAndNoLanguages()
    {
        var discovery = GbfsParser.ParseDiscovery("citibike", Fixtures.Bytes("citibike/v3.0/gbfs.json"), "fr");

        Assert.Equal("3.0", discovery.Version);
        Assert.Equal(new DateTimeOffset(2026, 9, 29, 19, 40, 41, TimeSpan.Zero), discovery.LastUpdated);
        Assert.Equal(60, discovery.Ttl);
        Assert.Empty(discovery.Languages);
        Assert.Equal(
            new Dictionary<string, Uri>
            {
                ["station_information"] = new("https://gbfs.lyft.com/gbfs/3.0/bkn/station_information.json"),
                ["station_status"] = new("https://gbfs.lyft.com/gbfs/3.0/bkn/station_status.json"),
                ["vehicle_types"] = new("https://gbfs.lyft.com/gbfs/3.0/bkn/vehicle_types.json"),
            },
            discovery.Feeds);
    }

    [Fact]
    public void ParseDiscovery_V11StyleWithoutVersion_IsVersion11()
    {
        var json = Utf8("""
            {"last_updated": 1710282230, "ttl": 10,
             "data": {"en-US": {"feeds": [
                 {"name": "system_information", "url": "https://gbfs.example.org/en/system_information.json"},
                 {"name": "station_information", "url": "https://gbfs.example.org/en/station_information.json"},
                 {"name": "station_status", "url": "https://gbfs.example.org/en/station_status.json"}]},
              "es": {"feeds": [{"name": "station_status", "url": "https://gbfs.example.org/es/station_status.json"}]}}}
            """);

        var discovery = GbfsParser.ParseDiscovery("bikes", json);

        Assert.Equal("1.1", discovery.Version);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1710282230), discovery.LastUpdated);
        Assert.Equal(10, discovery.Ttl);
        Assert.Equal(["en-US", "es"], discovery.Languages);
        Assert.Equal(3, discovery.Feeds.Count); // "en" found its regional variant
        Assert.Equal(new Uri("https://gbfs.example.org/en/station_status.json"), discovery.Feeds["station_status"]);
        Assert.False(discovery.Feeds.ContainsKey("vehicle_types"));
    }

    private static GbfsSystem ParseV11(string status)
        => GbfsParser.ParseSystem("citibike", Fixtures.Bytes(V11Information), Fixtures.Bytes(status), []);

    private static GbfsSystem ParseVersion(string folder) => GbfsParser.ParseSystem(
        "citibike",
        Fixtures.Bytes($"citibike/{folder}/station_information.json"),
        Fixtures.Bytes($"citibike/{folder}/station_status.json"),
        Fixtures.Bytes($"citibike/{folder}/vehicle_types.json"));

    private static string StatusJson(string id, int bikes)
        => $$"""{"station_id":"{{id}}","num_bikes_available":{{bikes}},"is_installed":1,"is_renting":1,"is_returning":1,"last_reported":1}""";

    /// <summary>A station_information or station_status document with these stations.</summary>
    private static byte[] Stations(params string[] stations) => Utf8($$$"""{"data":{"stations":[{{{string.Join(',', stations)}}}]}}""");

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
