using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.GtfsRealtime.Arrivals;

namespace TransitDash.Benchmarks;

/// <summary>The recorded feeds the benchmarks read (never copied into the project): <c>TRANSITDASH_FIXTURES</c>
/// when set, else <c>shared/fixtures</c> beside the repository.</summary>
internal static class Recordings
{
    /// <summary>The Financial District stop ids the throughput mode and the projection benchmarks list, one
    /// station each (each also matches its N and S platforms).</summary>
    public static readonly SubwayStation[] FiDi = "419 230 M23 139 R26 142 420".Split(' ').Select(id => new SubwayStation(id, [id])).ToArray();

    private static readonly Lazy<string> Root = new(Locate);

    /// <summary>The fixtures folder.</summary>
    public static string Directory => Root.Value;

    /// <summary>A projector for <see cref="FiDi"/> with the default rules.</summary>
    public static ArrivalProjector FiDiProjector() => new(new ArrivalProjectorOptions { Stations = FiDi });

    /// <summary>The MTA recordings whose names contain <paramref name="contains"/>, sorted by name.</summary>
    public static string[] Mta(string contains = "") =>
        System.IO.Directory.GetFiles(Path.Combine(Directory, "mta"), $"*{contains}*.pb").Order(StringComparer.Ordinal).ToArray();

    /// <summary>A recording's bytes and its header time.</summary>
    public static (byte[] Payload, DateTimeOffset HeaderTime) Load(string path)
    {
        var payload = File.ReadAllBytes(path);
        return (payload, GtfsRealtimeParser.ParseTripFeed("header", payload).HeaderTime ?? DateTimeOffset.UnixEpoch);
    }

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TRANSITDASH_FIXTURES");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures");
            if (System.IO.Directory.Exists(Path.Combine(candidate, "mta")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("The recorded feeds were not found: set TRANSITDASH_FIXTURES or put shared/fixtures beside the repository.");
    }
}
