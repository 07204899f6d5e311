using BenchmarkDotNet.Attributes;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.GtfsRealtime.Arrivals;

namespace TransitDash.Benchmarks;

/// <summary>A whole poll cycle projected in one call, naive (typed parse of every feed, then
/// <see cref="ArrivalProjector.Project"/>) against the wire, and a cycle where every feed answered "not
/// modified" (the poller projects the reads it holds, <see cref="ArrivalProjector.ProjectRead"/>). <c>20251002</c> is the 8 current feeds (696 KB,
/// captured between 13:52 and 23:38 UTC, so the cycle is projected at their median header time, 14:20);
/// <c>20190915</c> is the 9 feeds of 2019 (404 KB, all within 70 s of 00:01 UTC).</summary>
[MemoryDiagnoser]
public class PollCycleBenchmarks
{
    private readonly ArrivalProjector _projector = Recordings.FiDiProjector();
    private (string Name, ReadOnlyMemory<byte> Payload)[] _feeds = [];
    private byte[][] _payloads = [];
    private DateTimeOffset _now;
    private WireTripFeed[] _reads = [];

    /// <summary>Which captures form the cycle (a date in their file names).</summary>
    [Params("20251002", "20190915")]
    public string Cycle { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var files = Recordings.Mta($"-{Cycle}T");
        var loaded = files.Select(Recordings.Load).ToArray();
        _payloads = loaded.Select(l => l.Payload).ToArray();
        _feeds = files.Zip(_payloads, (f, p) => (Path.GetFileNameWithoutExtension(f), (ReadOnlyMemory<byte>)p)).ToArray();
        _now = loaded.Select(l => l.HeaderTime).Order().ElementAt(loaded.Length / 2);
        _reads = _feeds.Select(f => _projector.ReadFromWire(f.Name, f.Payload)).ToArray();
    }

    [Benchmark(Baseline = true)]
    public IReadOnlyList<Arrival> Naive()
    {
        var parsed = new GtfsRealtimeFeed[_feeds.Length];
        for (var i = 0; i < parsed.Length; i++)
        {
            parsed[i] = GtfsRealtimeParser.ParseTripFeed(_feeds[i].Name, _payloads[i]);
        }

        return _projector.Project(parsed, _now);
    }

    [Benchmark]
    public ProjectedArrivals FromWire() => _projector.ProjectFromWire(_feeds, _now);

    [Benchmark]
    public ProjectedArrivals HeldReads() => _projector.ProjectRead(_reads, _now);
}
