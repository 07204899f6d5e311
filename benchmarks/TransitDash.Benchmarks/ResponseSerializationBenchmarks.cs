using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Primitives;
using TransitDash.Feeds.Gbfs;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Hosting.Rendering;
using TransitDash.Snapshots;
using TransitDash.Sources;

namespace TransitDash.Benchmarks;

/// <summary>What the web host does per request for <c>/api/subway?limit=20</c> and <c>/api/citibike</c>, on
/// snapshots built from the recordings: <c>Serialize</c> is the first request of a second (the body built:
/// filter, JSON, entity tag), <c>CacheHit</c> every other request in that second (lookup, coding chosen, entity
/// tag compared, bytes copied), <c>CompressedHit</c> the same for a browser's <c>Accept-Encoding</c>, and
/// <c>CompressBrotli</c> / <c>CompressGzip</c> the once-per-body cost of making a compressed representation.</summary>
[MemoryDiagnoser]
public class ResponseSerializationBenchmarks
{
    private static readonly StringValues Browser = "gzip, deflate, br, zstd";
    private static readonly StringValues NoHeader = StringValues.Empty;
    private static readonly StringValues StaleTag = "W/\"1-0000000000000000\"";

    private readonly byte[] _sink = new byte[1 << 20];
    private ResponseCache _cache = new();
    private FeedSnapshot<SubwayBoard> _subway = null!;
    private FeedSnapshot<BikeBoard> _bikes = null!;
    private DateTimeOffset _now;
    private DateTimeOffset _nextSecond;
    private byte[] _body = [];

    /// <summary>The endpoint and query, as a client asks for it.</summary>
    [Params("/api/subway?limit=20", "/api/citibike")]
    public string Endpoint { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        // The 2019-09-15 cycle (the nine feeds of the day, captured within 70 s of each other) at config.yaml's stations.
        var loaded = Recordings.Mta("-20190915T").Select(Recordings.Load).ToArray();
        _now = loaded.Select(l => l.HeaderTime).Order().ElementAt(loaded.Length / 2);
        var board = BoardConfiguration.Read();
        var stations = board.SubwayStations;
        var store = new SnapshotStore(new FixedClock(_now));
        var projector = new ArrivalProjector(new ArrivalProjectorOptions { Stations = stations });
        var arrivals = projector.Project(loaded.Select((l, i) => GtfsRealtimeParser.ParseTripFeed($"feed{i}", l.Payload)), _now);
        _subway = store.Set(TransitDashSources.Subway, new SubwayBoard(arrivals, stations, [], _now));

        // The whole Citi Bike system of 2024-03-12 (2208 stations), narrowed to config.yaml's stations.
        var folder = Path.Combine(Recordings.Directory, "citibike", "v1.1");
        var system = GbfsParser.ParseSystem(
            "citibike",
            File.ReadAllBytes(Path.Combine(folder, "station_information-20240312T222449Z.json")),
            File.ReadAllBytes(Path.Combine(folder, "station_status-20240312T222350Z.json")),
            []);
        var projection = DockStatusProjector.Project(system, board.BikeStations);
        _bikes = store.Set(TransitDashSources.Citibike, new BikeBoard(projection.Stations, system.LastUpdated, system.Ttl, system.Version));

        _cache = new ResponseCache();
        _nextSecond = _now;
        _body = Render(_now).Body;
        if (_body.Length < CachedBody.MinimumCompressedLength)
        {
            throw new InvalidOperationException($"{Endpoint} renders {_body.Length} bytes: too few to stand for a real body.");
        }
    }

    /// <summary>The first request of a second: a new key, so the body is filtered, serialized and tagged.</summary>
    [Benchmark(Baseline = true)]
    public int Serialize()
    {
        // Within the minute after the snapshot, so the board stays the one a client would see; going back to
        // its start takes a fresh cache (once per 60 calls), else the key left from the last round would hit.
        _nextSecond = _nextSecond.AddSeconds(1);
        if (_nextSecond >= _now.AddMinutes(1))
        {
            (_cache, _nextSecond) = (new ResponseCache(), _now.AddSeconds(1));
        }

        return Send(Render(_nextSecond).Identity, NoHeader);
    }

    /// <summary>Any other request of that second, without <c>Accept-Encoding</c>.</summary>
    [Benchmark]
    public int CacheHit() => Send(Render(_now).For(AcceptEncoding.Choose(NoHeader)), StaleTag);

    /// <summary>Any other request of that second, from a browser (br chosen, compressed once at setup's first call).</summary>
    [Benchmark]
    public int CompressedHit() => Send(Render(_now).For(AcceptEncoding.Choose(Browser)), StaleTag);

    /// <summary>Making the br representation of a body (once per body and second).</summary>
    [Benchmark]
    public int CompressBrotli() => new CachedBody(_body, "W/\"1-ab\"").For(ContentCoding.Brotli).Bytes.Length;

    /// <summary>Making the gzip representation of a body (once per body and second).</summary>
    [Benchmark]
    public int CompressGzip() => new CachedBody(_body, "W/\"1-ab\"").For(ContentCoding.Gzip).Bytes.Length;

    /// <summary>What the endpoint renders at a moment, through the response cache (the filter made per request, as the API does).</summary>
    private CachedBody Render(DateTimeOffset now) => Endpoint.StartsWith("/api/subway", StringComparison.Ordinal)
        ? SubwayView.Render(_subway, new SubwayFilter(null, null, null, null, 20), "?limit=20", now, _cache)
        : CitibikeView.Render(_bikes, new CitibikeFilter(null, null, 100), string.Empty, now, _cache);

    /// <summary>The entity tag compared with the client's, then the bytes copied where the server would write them.</summary>
    private int Send(BodyRepresentation representation, StringValues ifNoneMatch)
    {
        if (EntityTags.Matches(ifNoneMatch, representation.ETag))
        {
            return 0;
        }

        representation.Bytes.CopyTo(_sink, 0);
        return representation.Bytes.Length;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
