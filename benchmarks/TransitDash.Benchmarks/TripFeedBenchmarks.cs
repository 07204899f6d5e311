using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.GtfsRealtime.Arrivals;

namespace TransitDash.Benchmarks;

/// <summary>One recording at a time, at its header time: the typed parse alone, the naive projection (typed parse
/// then <see cref="ArrivalProjector.Project"/>, the baseline) and the projection straight from the wire.</summary>
[MemoryDiagnoser]
[Config(typeof(WholeFileNames))]
public class TripFeedBenchmarks
{
    private readonly ArrivalProjector _projector = Recordings.FiDiProjector();
    private (string, ReadOnlyMemory<byte>)[] _feeds = [];
    private byte[] _payload = [];
    private DateTimeOffset _now;

    /// <summary>The recording's file name.</summary>
    [ParamsSource(nameof(Files))]
    public string File { get; set; } = string.Empty;

    public static IEnumerable<string> Files() => Recordings.Mta().Select(Path.GetFileName)!;

    [GlobalSetup]
    public void Setup()
    {
        (_payload, _now) = Recordings.Load(Path.Combine(Recordings.Directory, "mta", File));
        _feeds = [(File, _payload)];
    }

    [Benchmark]
    public GtfsRealtimeFeed TypedParse() => GtfsRealtimeParser.ParseTripFeed(File, _payload);

    [Benchmark(Baseline = true)]
    public IReadOnlyList<Arrival> NaiveProjection() => _projector.Project([GtfsRealtimeParser.ParseTripFeed(File, _payload)], _now);

    [Benchmark]
    public ProjectedArrivals WireProjection() => _projector.ProjectFromWire(_feeds, _now);

    /// <summary>Shows whole file names in the tables (the default cuts them to 20 characters).</summary>
    private sealed class WholeFileNames : ManualConfig
    {
        public WholeFileNames() => SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(48);
    }
}
