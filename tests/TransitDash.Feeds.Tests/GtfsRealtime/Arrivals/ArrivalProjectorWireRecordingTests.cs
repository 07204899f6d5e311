using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Feeds.GtfsRealtime.Arrivals.Internal;
using TransitDash.Testing;
using static TransitDash.Feeds.Tests.GtfsRealtime.Arrivals.WireProjection;

namespace TransitDash.Feeds.Tests.GtfsRealtime.Arrivals;

/// <summary><see cref="ArrivalProjector.ProjectFromWire"/> against ParseTripFeed + Project on every MTA recording.</summary>
public sealed class ArrivalProjectorWireRecordingTests
{
    public static TheoryData<string> Recordings()
    {
        var data = new TheoryData<string>();
        foreach (var path in Fixtures.MtaRecordings())
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    private static byte[] Recording(string file) => Fixtures.Bytes($"mta/{file}");

    private static DateTimeOffset HeaderTime(byte[] payload) => GtfsRealtimeParser.ParseTripFeed("feed", payload).HeaderTime!.Value;

    // Every stop id the recording lists, configured as stations of one id each (bare ids, so each also
    // matches its N and S platforms; platforms the feed names directly are configured too).
    private static SubwayStation[] EveryStop(byte[] payload) =>
        GtfsRealtimeParser.ParseTripFeed("feed", payload).TripUpdates
            .SelectMany(u => u.StopTimeUpdates)
            .Select(s => s.StopId)
            .OfType<string>()
            .SelectMany(id => id.Length > 1 && id[^1] is 'N' or 'S' ? new[] { id[..^1], id } : [id])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select((id, i) => new SubwayStation(i % 3 == 0 ? null : $"Station {id}", [id]))
            .ToArray();

    [Theory]
    [MemberData(nameof(Recordings))]
    public void ProjectFromWire_RecordingAtItsHeaderTimeForFiDi_SameAsTypedParse(string file)
    {
        var payload = Recording(file);

        AssertSameAsTyped(new ArrivalProjectorOptions { Stations = FiDi }, payload, HeaderTime(payload));
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void ProjectFromWire_RecordingForEveryStopItLists_SameAsTypedParse(string file)
    {
        var payload = Recording(file);
        var options = new ArrivalProjectorOptions { Stations = EveryStop(payload), Horizon = TimeSpan.FromHours(24) };

        var result = AssertSameAsTyped(options, payload, HeaderTime(payload));

        Assert.NotEmpty(result.Arrivals);
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void ProjectFromWire_RecordingWithEveryRuleOffAndWideWindow_SameAsTypedParse(string file)
    {
        var payload = Recording(file);
        var options = new ArrivalProjectorOptions
        {
            Stations = EveryStop(payload),
            Horizon = TimeSpan.FromDays(2),
            GoneAfter = TimeSpan.FromDays(2),
            Rules = new ArrivalRules { DropStaleUnassignedTrips = false, MarkStalledTrains = false, PlatformSuffixWins = false },
        };

        AssertSameAsTyped(options, payload, HeaderTime(payload));
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void ProjectRead_RecordingReadOnceProjectedAtManyTimes_SameAsReadingItEachTime(string file)
    {
        var payload = Recording(file);
        var header = HeaderTime(payload);
        var options = new ArrivalProjectorOptions { Stations = EveryStop(payload) };
        var projector = new ArrivalProjector(options);

        var read = projector.ReadFromWire(file, payload);

        var listed = 0;
        foreach (var minutes in new[] { -90, -30, -2, 0, 1, 7, 30, 45, 120, 24 * 60 })
        {
            var now = header.AddMinutes(minutes).AddSeconds(minutes % 7);
            var expected = projector.ProjectFromWire([(file, payload)], now);
            var actual = projector.ProjectRead([read], now);
            Assert.Equal(expected.Arrivals, actual.Arrivals);
            Assert.Equal(expected.Feeds, actual.Feeds);
            listed += actual.Arrivals.Count;
        }

        Assert.True(listed > 0, "no time listed any arrival: the comparison showed nothing");
    }

    [Fact]
    public void ProjectFromWire_EveryRecordingAsOneCycle_SameAsTypedParse()
    {
        // 30 feeds in one call: duplicate keys across captures of the same feed, first feed wins.
        var feeds = Fixtures.MtaRecordings().Select(p => (Path.GetFileNameWithoutExtension(p), File.ReadAllBytes(p))).ToArray();
        var everyStop = feeds.SelectMany(f => EveryStop(f.Item2)).DistinctBy(s => s.StopIds[0]).ToArray();

        foreach (var now in feeds.Select(f => HeaderTime(f.Item2)).Distinct().Take(6))
        {
            AssertSameAsTyped(new ArrivalProjectorOptions { Stations = FiDi }, feeds, now);
            AssertSameAsTyped(new ArrivalProjectorOptions { Stations = everyStop, Horizon = TimeSpan.FromHours(3) }, feeds, now);
        }
    }

    [Fact]
    public void ProjectFromWire_SameRecordingTwice_EachTrainListedOnceFromTheFirst()
    {
        var payload = Recording("gtfs-1234567s-20250918T193421Z.pb");

        var once = AssertSameAsTyped(new ArrivalProjectorOptions { Stations = FiDi }, [("1234567S", payload)], HeaderTime(payload));
        var twice = AssertSameAsTyped(new ArrivalProjectorOptions { Stations = FiDi }, [("1234567S", payload), ("Copy", payload)], HeaderTime(payload));

        Assert.Equal(once.Arrivals, twice.Arrivals);
        Assert.NotEmpty(twice.Arrivals);
        Assert.All(twice.Arrivals, a => Assert.Equal("1234567S", a.Feed));
    }

    [Fact]
    public void ProjectFromWire_FiDiOnEveryRecording_Matches1091StopUpdates()
    {
        // The count the performance anchors report for these stations, before any rule.
        var projector = new ArrivalProjector(new ArrivalProjectorOptions { Stations = FiDi });
        var feeds = Fixtures.MtaRecordings().Select(p => (Path.GetFileName(p), (ReadOnlyMemory<byte>)File.ReadAllBytes(p))).ToArray();

        var reports = new WireReadReport[feeds.Length];

        var result = projector.ProjectFromWireReporting(feeds, DateTimeOffset.UnixEpoch, reports);

        Assert.Equal(1091, reports.Sum(r => r.MatchedStops));
        Assert.Empty(result.Arrivals);
    }

    [Fact]
    public void ProjectFromWire_NoEntityTouchesAConfiguredStop_AllocationDoesNotGrowWithTheFeed()
    {
        // Nothing is allocated for entities that list no configured stop: the 5 KB and the 200 KB feed
        // cost the same few fixed objects (result, summary, empty lists).
        var projector = new ArrivalProjector(new ArrivalProjectorOptions { Stations = [new SubwayStation("Nowhere", ["Z99"])] });
        var small = Recording("gtfs-si-20251002T142056Z.pb");
        var large = Recording("gtfs-1234567s-20250918T193421Z.pb");

        long Allocated(byte[] payload)
        {
            (string, ReadOnlyMemory<byte>)[] feeds = [("feed", payload)];
            for (var warm = 0; warm < 3; warm++)
            {
                projector.ProjectFromWire(feeds, DateTimeOffset.UnixEpoch);
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            projector.ProjectFromWire(feeds, DateTimeOffset.UnixEpoch);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        var smallAllocated = Allocated(small);
        var largeAllocated = Allocated(large);

        Assert.Equal(smallAllocated, largeAllocated);
        Assert.InRange(largeAllocated, 1, 1024);
    }
}
