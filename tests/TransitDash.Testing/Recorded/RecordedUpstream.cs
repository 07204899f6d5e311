using System.Text;
using System.Text.Json.Nodes;
using TransitDash.Simulator.Upstream;

namespace TransitDash.Testing;

/// <summary>A loopback upstream serving the recordings of Saturday 2019-09-15 00:01Z (every subway feed of
/// that moment, captured within 30 s of each other; the numbered lines' capture again as the alerts feed, as
/// it carries that moment's alert) and the Citi Bike GBFS 2.3 capture, through a discovery document that
/// points at this server. Any route can be switched to a fault and back. <see cref="RecordedConfig"/>
/// writes the config.yaml that points a host at it.</summary>
public sealed class RecordedUpstream : IAsyncDisposable
{
    /// <summary>2019-09-15 00:01:20Z, seconds after the last of the 2019 subway captures, as Unix seconds.</summary>
    public const long MomentSeconds = 1568505680;

    /// <summary>The route of the Citi Bike station status feed.</summary>
    public const string StationStatusPath = "/gbfs/en/station_status.json";

    private const string DiscoveryPath = "/gbfs/gbfs.json";
    private const string AlertsPath = "/mta/alerts";

    // The GBFS feeds the library reads, served from the 2.3 capture.
    private static readonly IReadOnlyList<string> GbfsFeeds = ["station_information", "station_status", "vehicle_types"];

    private readonly Dictionary<string, UpstreamBehavior> recorded = new(StringComparer.Ordinal);
    private readonly LoopbackUpstream server;

    private RecordedUpstream(LoopbackUpstream server) => this.server = server;

    /// <summary>The moment of the captures, where hosts playing them set their clocks (<see cref="MomentSeconds"/>).</summary>
    public static DateTimeOffset Moment => DateTimeOffset.FromUnixTimeSeconds(MomentSeconds);

    /// <summary>The subway feeds of the 2019 moment: configured name and recording.</summary>
    public static IReadOnlyList<(string Name, string Recording)> SubwayFeeds { get; } =
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

    /// <summary>The GBFS discovery document's address.</summary>
    public string DiscoveryUrl => server.Url(DiscoveryPath);

    /// <summary>The alerts feed's address.</summary>
    public string AlertsUrl => server.Url(AlertsPath);

    /// <summary>Starts the server; every route serves its recording. Skips the test when the recordings are missing.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<RecordedUpstream> StartAsync(CancellationToken cancellationToken = default)
    {
        Fixtures.Require();
        var upstream = new RecordedUpstream(await LoopbackUpstream.StartAsync(cancellationToken).ConfigureAwait(false));
        upstream.Prepare();
        upstream.ServeRecordings();
        return upstream;
    }

    /// <summary>The route a subway feed is served at.</summary>
    /// <param name="feedName">A name of <see cref="SubwayFeeds"/>.</param>
    /// <returns>The path.</returns>
    public static string SubwayPath(string feedName) => "/mta/" + feedName;

    /// <summary>A subway feed's address.</summary>
    /// <param name="feedName">A name of <see cref="SubwayFeeds"/>.</param>
    /// <returns>The URL.</returns>
    public string SubwayUrl(string feedName) => server.Url(SubwayPath(feedName));

    /// <summary>Makes one route answer with a behavior until the recordings are served again.</summary>
    /// <param name="path">The route, for example <see cref="StationStatusPath"/> or <see cref="SubwayPath"/>.</param>
    /// <param name="behavior">What it answers.</param>
    public void Map(string path, UpstreamBehavior behavior) => server.Map(path, behavior);

    /// <summary>Every route serves its recording again (undoing a test's changes, restarting sequences).</summary>
    public void ServeRecordings()
    {
        foreach (var (path, behavior) in recorded)
        {
            server.Map(path, behavior);
        }
    }

    /// <summary>Every route serves its recording again, the GTFS-Realtime ones stamped at each request with the
    /// time <paramref name="clock"/> gives, as a live producer's would be: a recording's own header time never
    /// moves, which a host rightly reports as a frozen feed once ErrorAfter has passed.</summary>
    /// <param name="clock">The time to stamp.</param>
    public void ServeRecordingsAsIfLive(Func<DateTimeOffset> clock)
    {
        ServeRecordings();
        foreach (var (name, recording) in SubwayFeeds)
        {
            server.Map(SubwayPath(name), Stamped(recording, clock));
        }

        server.Map(AlertsPath, Stamped(SubwayFeeds[0].Recording, clock));
    }

    /// <summary>Every route answers with the same behavior (a fault).</summary>
    /// <param name="behavior">What every route answers.</param>
    public void AnswerEverywhere(UpstreamBehavior behavior)
    {
        foreach (var path in recorded.Keys)
        {
            server.Map(path, behavior);
        }
    }

    /// <summary>Stops the server.</summary>
    /// <returns>The stop.</returns>
    public ValueTask DisposeAsync() => server.DisposeAsync();

    private static UpstreamBehavior Stamped(string recording, Func<DateTimeOffset> clock)
    {
        var payload = Fixtures.Bytes(recording);
        return UpstreamBehavior.Custom(async (context, cancellationToken) =>
        {
            var body = GtfsRealtimeRecordings.WithHeaderTime(payload, clock());
            context.Response.ContentType = "application/x-protobuf";
            await context.Response.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        });
    }

    private static string GbfsPath(string feed) => $"/gbfs/en/{feed}.json";

    private void Prepare()
    {
        foreach (var (name, recording) in SubwayFeeds)
        {
            recorded[SubwayPath(name)] = UpstreamBehavior.Fixture(recording);
        }

        recorded[AlertsPath] = UpstreamBehavior.Fixture(SubwayFeeds[0].Recording);
        recorded[DiscoveryPath] = UpstreamBehavior.Serve(Encoding.UTF8.GetBytes(Discovery()), "application/json");
        foreach (var feed in GbfsFeeds)
        {
            recorded[GbfsPath(feed)] = UpstreamBehavior.Fixture($"citibike/v2.3/{feed}.json");
        }
    }

    /// <summary>A GBFS 2.3 discovery document like the capture's (same last_updated), listing this server's routes.</summary>
    private string Discovery()
    {
        var feeds = GbfsFeeds.Select(f => (JsonNode)new JsonObject { ["name"] = f, ["url"] = server.Url(GbfsPath(f)) });
        return new JsonObject
        {
            ["last_updated"] = 1790710841,
            ["ttl"] = 60,
            ["version"] = "2.3",
            ["data"] = new JsonObject { ["en"] = new JsonObject { ["feeds"] = new JsonArray([.. feeds]) } },
        }.ToJsonString();
    }
}
