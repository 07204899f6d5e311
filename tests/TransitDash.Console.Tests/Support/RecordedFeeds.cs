using System.Globalization;
using System.Text;
using TransitDash.Simulator.Upstream;
using TransitDash.Testing;

namespace TransitDash.ConsoleHost.Tests.Support;

/// <summary>A loopback upstream serving real recordings: the nine MTA subway feeds captured on
/// 2019-09-15 around 00:01Z, the numbered lines' capture again as the alerts feed (it carries one alert),
/// and the Citi Bike GBFS 2.3 system behind a discovery document rewritten to point here. Writes the
/// config.yaml that points a host at it.</summary>
internal sealed class RecordedFeeds : IAsyncDisposable
{
    /// <summary>The moment of the MTA captures: hosts' clocks are set here.</summary>
    public static readonly DateTimeOffset Moment = new(2019, 9, 15, 0, 1, 20, TimeSpan.Zero);

    public const string AlertsPath = "/alerts";
    public const string GbfsPrefix = "/gbfs/2.3/bkn";
    public const string StationStatusPath = GbfsPrefix + "/en/station_status.json";

    /// <summary>The subway feeds: configured name and recording.</summary>
    public static readonly IReadOnlyList<(string Name, string Fixture)> SubwayFeeds =
    [
        ("1234567S", "mta/gtfs-123456s-20190915T000100Z.pb"),
        ("7", "mta/gtfs-7-20190915T000104Z.pb"),
        ("ACE", "mta/gtfs-ace-20190915T000112Z.pb"),
        ("BDFM", "mta/gtfs-bdfm-20190915T000116Z.pb"),
        ("G", "mta/gtfs-g-20190915T000111Z.pb"),
        ("JZ", "mta/gtfs-jz-20190915T000104Z.pb"),
        ("L", "mta/gtfs-l-20190915T000046Z.pb"),
        ("NQRW", "mta/gtfs-nqrw-20190915T000114Z.pb"),
        ("SIR", "mta/gtfs-si-20190915T000110Z.pb"),
    ];

    private RecordedFeeds(LoopbackUpstream upstream) => Upstream = upstream;

    public LoopbackUpstream Upstream { get; }

    public static async Task<RecordedFeeds> StartAsync(CancellationToken cancellationToken)
    {
        Fixtures.Require();
        var feeds = new RecordedFeeds(await LoopbackUpstream.StartAsync(cancellationToken));
        feeds.MapAll();
        return feeds;
    }

    /// <summary>The path a subway feed is served at.</summary>
    public static string FeedPath(string name) => "/gtfs/" + name;

    /// <summary>Maps every route to its recording again (undoing a test's changes, restarting sequences).</summary>
    public void MapAll()
    {
        foreach (var (name, fixture) in SubwayFeeds)
        {
            Upstream.Map(FeedPath(name), UpstreamBehavior.Fixture(fixture));
        }

        Upstream.Map(AlertsPath, UpstreamBehavior.Fixture(SubwayFeeds[0].Fixture));
        var discovery = Encoding.UTF8.GetString(Fixtures.Bytes("citibike/v2.3/gbfs.json"))
            .Replace("https://gbfs.lyft.com/gbfs/2.3/bkn", Upstream.Url(GbfsPrefix), StringComparison.Ordinal);
        Upstream.Map(GbfsPrefix + "/gbfs.json", UpstreamBehavior.Serve(Encoding.UTF8.GetBytes(discovery), "application/json"));
        foreach (var name in new[] { "station_information.json", "station_status.json", "vehicle_types.json" })
        {
            Upstream.Map($"{GbfsPrefix}/en/{name}", UpstreamBehavior.Fixture("citibike/v2.3/" + name));
        }
    }

    /// <summary>Writes a config.yaml for these feeds: the board's stations, the clock at <see cref="Moment"/>,
    /// health thresholds far above the poll interval (a one-shot run never sees data go stale).</summary>
    /// <param name="folder">Where to write it.</param>
    /// <param name="pollInterval">Every source's interval; one poll per run unless it is short.</param>
    /// <param name="extraLines">Appended under <c>TransitDash:</c>, indented by the caller.</param>
    public string WriteConfig(string folder, TimeSpan pollInterval, string? extraLines = null)
    {
        var poll = ((int)pollInterval.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
        var attempt = pollInterval < TimeSpan.FromSeconds(10) ? poll : "10s";
        var yaml = new StringBuilder();
        yaml.AppendLine("TransitDash:");
        yaml.AppendLine("  Subway:");
        yaml.AppendLine($"    PollInterval: {poll}");
        yaml.AppendLine("    Feeds:");
        foreach (var (name, _) in SubwayFeeds)
        {
            yaml.AppendLine($"      - Name: \"{name}\"");
            yaml.AppendLine($"        Url: {Upstream.Url(FeedPath(name))}");
        }

        yaml.AppendLine("""
                Stations:
                  - Name: Wall St
                    StopIds: ["419", "230"]
                  - Name: Broad St
                    StopIds: ["M23"]
                  - Name: Rector St
                    StopIds: ["139", "R26"]
                  - Name: South Ferry
                    StopIds: ["142"]
                  - Name: Whitehall St
                    StopIds: ["R27"]
                  - Name: Bowling Green
                    StopIds: ["420"]
                  - Name: Times Sq
                    StopIds: ["127", "725", "R16"]
            """);
        yaml.AppendLine("  Alerts:");
        yaml.AppendLine($"    PollInterval: {poll}");
        yaml.AppendLine($"    Url: {Upstream.Url(AlertsPath)}");
        yaml.AppendLine("  Citibike:");
        yaml.AppendLine($"    PollInterval: {poll}");
        yaml.AppendLine($"    DiscoveryUrl: {Upstream.Url(GbfsPrefix + "/gbfs.json")}");
        yaml.AppendLine("""
                Stations:
                  - Name: W 21 St & 6 Ave
                Near:
                  Lat: 40.7417
                  Lon: -73.9941
                  RadiusM: 600
              Health:
                StaleAfter: 30m
                ErrorAfter: 60m
            """);
        yaml.AppendLine("  Resilience:");
        yaml.AppendLine($"    AttemptTimeout: {attempt}");
        yaml.AppendLine("    Retries: 0");

        // Every feed is on this one loopback host: the default 10 requests a second would space a poll's requests out.
        yaml.AppendLine("    MaxRequestsPerSecond: 1000");
        yaml.AppendLine($"  ClockStart: {Moment:yyyy-MM-ddTHH:mm:ssZ}");
        yaml.AppendLine("  Web:");
        yaml.AppendLine("    CorsOrigins: [\"*\"]");
        if (extraLines is not null)
        {
            yaml.AppendLine(extraLines);
        }

        var path = Path.Combine(folder, "config.yaml");
        File.WriteAllText(path, yaml.ToString());
        return path;
    }

    public ValueTask DisposeAsync() => Upstream.DisposeAsync();
}
