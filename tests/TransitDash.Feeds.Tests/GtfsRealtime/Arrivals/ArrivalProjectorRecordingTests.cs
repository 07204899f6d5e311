using Microsoft.Extensions.Logging.Testing;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Feeds.GtfsStatic;
using TransitDash.Testing;

namespace TransitDash.Feeds.Tests.GtfsRealtime.Arrivals;

/// <summary>The projector on real MTA recordings, each at its own header time. Every expected train was
/// read off <c>protoc --decode_raw</c> of the recording, not from this code.</summary>
public sealed class ArrivalProjectorRecordingTests
{
    // The Financial District board of config.yaml.
    private static readonly IReadOnlyList<SubwayStation> FiDi = TestStations.FiDiBoard;

    private static GtfsRealtimeFeed Recording(string feedName, string file) =>
        GtfsRealtimeParser.ParseTripFeed(feedName, Fixtures.Bytes($"mta/{file}"));

    private static ArrivalProjector FiDiProjector(ArrivalRules? rules = null, FakeLogger<ArrivalProjector>? logger = null) =>
        new(new ArrivalProjectorOptions { Stations = FiDi, Rules = rules ?? new ArrivalRules() }, logger: logger);

    private static IReadOnlyList<Arrival> AtHeaderTime(ArrivalProjector projector, params GtfsRealtimeFeed[] feeds) =>
        projector.Project(feeds, feeds[0].HeaderTime!.Value);

    private static (string Line, string? Direction, string StopId, string? Track, long InSeconds, string TripId, string? TrainId) Summary(Arrival a, GtfsRealtimeFeed feed) =>
        (a.Line, a.Direction, a.StopId, a.Track, (long)(a.ArrivalTime - feed.HeaderTime!.Value).TotalSeconds, a.TripId, a.TrainId);

    [Fact]
    public void Project_NumberedLines20250918_NextTrainsAtWallSt()
    {
        var feed = Recording("1234567S", "gtfs-1234567s-20250918T193421Z.pb");

        var wallSt = AtHeaderTime(FiDiProjector(), feed).Where(a => a.Station == "Wall St").ToArray();

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1758224061), feed.HeaderTime);
        Assert.Equal(
            [
                ("3", "S", "230S", "2", 95, "090400_3..S01R", "03 1504  148/NLT"),
                ("5", "N", "419N", "3", 101, "090800_5..N66R", "05 1508  FLA/DYR"),
                ("3", "N", "230N", "3", 116, "090200_3..N01R", "03 1502  NLT/148"),
                ("5", "S", "419S", "2", 154, "088050_5..S03R", "05 1440+ DYR/FLA"),
                ("4", "N", "419N", "3", 306, "091950_4..N06R", "04 1519+ UTI/WDL"),
                ("2", "N", "230N", "3", 311, "091100_2..N01R", "02 1511  FLA/241"),
                ("5", "S", "419S", "2", 349, "088500_5..S03R", "05 1445  DYR/FLA"),
                ("2", "S", "230S", "2", 449, "087200_2..S01X304", "02 1432  241/FLA"),
            ],
            wallSt.Take(8).Select(a => Summary(a, feed)));
        Assert.Equal(65, wallSt.Length);
        Assert.All(wallSt.Take(8), a => Assert.Equal((true, false, "1234567S", "20250918"), (a.IsAssigned, a.Stalled, a.Feed, a.StartDate)));
    }

    [Fact]
    public void Project_NumberedLines20250918_ListsEveryFiDiStationItServes()
    {
        var feed = Recording("1234567S", "gtfs-1234567s-20250918T193421Z.pb");

        var arrivals = AtHeaderTime(FiDiProjector(), feed);

        Assert.Equal(139, arrivals.Count);
        Assert.Equal(
            [("Bowling Green", 37), ("Rector St", 18), ("South Ferry", 19), ("Wall St", 65)],
            arrivals.GroupBy(a => a.Station).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())));
    }

    [Fact]
    public void Project_NumberedLines20250918_StaleUnassignedTripDroppedUnlessTheRuleIsOff()
    {
        // 089100_4..S06R has no is_assigned and its first stop (401S) was due 2601 s before the header,
        // yet it still predicts 419S at +339 s and 420S at +429 s.
        var feed = Recording("1234567S", "gtfs-1234567s-20250918T193421Z.pb");

        var withRule = AtHeaderTime(FiDiProjector(), feed);
        var withoutRule = AtHeaderTime(FiDiProjector(new ArrivalRules { DropStaleUnassignedTrips = false }), feed);

        Assert.DoesNotContain(withRule, a => a.TripId == "089100_4..S06R");
        var stale = withoutRule.Where(a => a.TripId == "089100_4..S06R").ToArray();
        Assert.Equal([("419S", 339L, (bool?)null), ("420S", 429L, null)], stale.Select(a => (a.StopId, (long)(a.ArrivalTime - feed.HeaderTime!.Value).TotalSeconds, a.IsAssigned)));
        // Two more stale 3 trains reach Wall St within the hour.
        Assert.Equal(withRule.Count + 4, withoutRule.Count);
    }

    [Fact]
    public void Project_NumberedLines20250918_TrainSilentFor345SecondsIsStalled()
    {
        // The vehicle of 093450_4..N06R last moved at 1758223716, 345 s before the header.
        var feed = Recording("1234567S", "gtfs-1234567s-20250918T193421Z.pb");

        var stalled = AtHeaderTime(FiDiProjector(), feed).Where(a => a.Stalled).ToArray();

        Assert.Equal([("093450_4..N06R", "420N", 999L), ("093450_4..N06R", "419N", 1089L)], stalled.Select(a => (a.TripId, a.StopId, (long)(a.ArrivalTime - feed.HeaderTime!.Value).TotalSeconds)));
        Assert.DoesNotContain(AtHeaderTime(FiDiProjector(new ArrivalRules { MarkStalledTrains = false }), feed), a => a.Stalled);
    }

    [Fact]
    public void Project_SameRecordingAsTwoFeeds_EachTrainListedOnceFromTheFirst()
    {
        var first = Recording("1234567S", "gtfs-1234567s-20250918T193421Z.pb");
        var second = Recording("Copy", "gtfs-1234567s-20250918T193421Z.pb");

        var arrivals = AtHeaderTime(FiDiProjector(), first, second);

        Assert.Equal(139, arrivals.Count);
        Assert.All(arrivals, a => Assert.Equal("1234567S", a.Feed));
    }

    [Fact]
    public void Project_RWAndJZ20251002_NextTrainsAtWhitehallStAndBroadSt()
    {
        var nqrw = Recording("NQRW", "gtfs-nqrw-20251002T135237Z.pb");
        var jz = Recording("JZ", "gtfs-jz-20251002T142020Z.pb");

        var whitehall = AtHeaderTime(FiDiProjector(), nqrw).Where(a => a.Station == "Whitehall St").Take(4).Select(a => Summary(a, nqrw));
        var broad = AtHeaderTime(FiDiProjector(), jz).Where(a => a.Station == "Broad St").Take(4).Select(a => Summary(a, jz));

        Assert.Equal(
            [
                ("R", "N", "R27N", "B2", 101, "056300_R..N93R", "1R 0923 95S/CTL"),
                ("R", "S", "R27S", "B1", 279, "054400_R..S71R", "1R 0904 CTL/95S"),
                ("R", "N", "R27N", "B2", 414, "057100_R..N93R", "1R 0931 95S/CTL"),
                ("W", "S", "R27S", "B1", 460, "055100_N..S70X011", "1W 0911 DIT/BPY"),
            ],
            whitehall);
        // The first J left 8 s ago: still listed, as trains are until 30 s gone.
        Assert.Equal(
            [
                ("J", "N", "M23N", "R2", -8, "062000_J..N", "1J 1020 BRD/P-A"),
                ("J", "N", "M23N", "R2", 460, "062800_J..N", "1J 1028 BRD/P-A"),
                ("J", "N", "M23N", "R2", 940, "063600_J..N", "1J 1036 BRD/P-A"),
                ("J", "S", "M23S", "R1", 1199, "055550_J..S", "1J 0915+ P-A/BRD"),
            ],
            broad);
    }

    [Fact]
    public void Project_NumberedLines20190915_SouthboundPlatformOfANorthTrainKeepsTheSuffixAndIsLoggedOnce()
    {
        // 121300_2..S08X612 carries NYCT direction NORTH but stops at S platforms, 230S among them.
        var feed = Recording("123456S", "gtfs-123456s-20190915T000100Z.pb");
        var logger = new FakeLogger<ArrivalProjector>();

        var arrivals = AtHeaderTime(FiDiProjector(logger: logger), feed);
        var reportingNyct = AtHeaderTime(FiDiProjector(new ArrivalRules { PlatformSuffixWins = false }), feed);

        var train = Assert.Single(arrivals, a => a.TripId == "121300_2..S08X612");
        Assert.Equal(("230S", "S", "2", "Wall St", 3165L), (train.StopId, train.Direction, train.Line, train.Station, (long)(train.ArrivalTime - feed.HeaderTime!.Value).TotalSeconds));
        Assert.Equal("N", Assert.Single(reportingNyct, a => a.TripId == "121300_2..S08X612").Direction);
        var logged = Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Id == 1100);
        Assert.Equal(("123456S", "1", "230S"), (logged.GetStructuredStateValue("Feed"), logged.GetStructuredStateValue("Count"), logged.GetStructuredStateValue("StopId")));
    }

    [Fact]
    public void Project_Shuttle20211126_StationNamedFromTheCatalogAndLineIsS()
    {
        // The 42 St shuttle: route GS, NYCT direction SOUTH on the 901N platform at +35 s.
        var feed = Recording("1234567S", "gtfs-1234567s-20211126T205625Z.pb");
        var catalog = StopCatalog.Load(Fixtures.Path("gtfs-static/stops.txt"));
        var projector = new ArrivalProjector(new ArrivalProjectorOptions { Stations = [new SubwayStation(null, ["901"])] }, catalog);

        var first = AtHeaderTime(projector, feed)[0];

        Assert.Equal(
            ("Grand Central-42 St", "S", "GS", "901N", "N", "1", 35L, "095700_GS.N01R", "0S 1557  GCS/TSS"),
            (first.Station, first.Line, first.RouteId, first.StopId, first.Direction, first.Track, (long)(first.ArrivalTime - feed.HeaderTime!.Value).TotalSeconds, first.TripId, first.TrainId));
    }

    [Fact]
    public void Project_EveryRecordingAtItsHeaderTime_SortedWithinTheWindowAndNamedByConfiguration()
    {
        var names = FiDi.Select(s => s.Name).ToHashSet();
        foreach (var path in Fixtures.MtaRecordings())
        {
            var feed = GtfsRealtimeParser.ParseTripFeed(Path.GetFileNameWithoutExtension(path), File.ReadAllBytes(path));
            var now = feed.HeaderTime!.Value;

            var arrivals = FiDiProjector().Project([feed], now);

            Assert.All(arrivals, a => Assert.InRange(a.ArrivalTime, now.AddSeconds(-30), now.AddMinutes(60)));
            Assert.All(arrivals, a => Assert.Contains(a.Station, names));
            Assert.Equal(arrivals.OrderBy(a => a.ArrivalTime), arrivals);
        }
    }
}
