using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TransitDash.Feeds.Gbfs;
using TransitDash.Feeds.Gbfs.Internal;

namespace TransitDash.Benchmarks;

/// <summary>The full Citi Bike capture (2208 stations, GBFS 1.1): <c>station_status</c> read by the source-generated
/// reader alone (no DOM), and the public <see cref="GbfsParser.ParseSystem"/> joining it with <c>station_information</c>.</summary>
[MemoryDiagnoser]
public class GbfsStatusBenchmarks
{
    private byte[] _status = [];
    private byte[] _information = [];

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(Recordings.Directory, "citibike", "v1.1");
        _status = File.ReadAllBytes(Path.Combine(folder, "station_status-20240312T222350Z.json"));
        _information = File.ReadAllBytes(Path.Combine(folder, "station_information-20240312T222449Z.json"));
    }

    [Benchmark(Baseline = true)]
    public object? StationStatus() => JsonSerializer.Deserialize(_status, GbfsJsonContext.Default.StationStatusDocument);

    [Benchmark]
    public GbfsSystem StatusJoinedWithInformation() => GbfsParser.ParseSystem("citibike", _information, _status, []);
}
