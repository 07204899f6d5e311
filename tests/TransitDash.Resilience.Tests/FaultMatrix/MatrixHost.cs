using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.Http;
using TransitDash.Hosting;
using TransitDash.Simulator.Upstream;
using TransitDash.Testing;
using TransitDash.Web;

namespace TransitDash.Resilience.Tests.FaultMatrix;

/// <summary>The real web host, built by <see cref="TransitDashWebApp.Build"/> and started on a loopback port, polling a
/// loopback upstream through the <see cref="ScriptedNetwork"/>: three subway feeds (each on its own host name, the
/// recordings with their header time moved to the host's now on every request) and a Citi Bike GBFS 2.3 system
/// (the recordings, answered with ETags).</summary>
internal sealed class MatrixHost : IAsyncDisposable
{
    /// <summary>The subway API key: sent to the upstream, and to be found nowhere else.</summary>
    public const string Secret = "td-secret-5c1f9a7e";

    public const string GbfsHost = "gbfs.test";

    /// <summary>The recordings' moment: their arrivals are in the future of the host's clock.</summary>
    public static readonly DateTimeOffset ClockStart = new(2025, 10, 2, 14, 20, 30, TimeSpan.Zero);

    public static readonly IReadOnlyList<SubwayFeed> SubwayFeeds =
    [
        new("ACE", "ace.mta.test", "/nyct%2Fgtfs-ace", "mta/gtfs-ace-20251002T141948Z.pb"),
        new("BDFM", "bdfm.mta.test", "/nyct%2Fgtfs-bdfm", "mta/gtfs-bdfm-20251002T142005Z.pb"),
        new("G", "g.mta.test", "/nyct%2Fgtfs-g", "mta/gtfs-g-20251002T142020Z.pb"),
    ];

    private static readonly string[] GbfsDocuments = ["station_information", "station_status", "vehicle_types"];

    private readonly string _configFile;
    private readonly WebApplication _app;

    private MatrixHost(LoopbackUpstream upstream, ScriptedNetwork network, string configFile, WebApplication app, SecretScanningLoggerProvider logs)
    {
        Upstream = upstream;
        Network = network;
        _configFile = configFile;
        _app = app;
        Logs = logs;
        Time = app.Services.GetRequiredService<TimeProvider>();
    }

    public LoopbackUpstream Upstream { get; }

    public ScriptedNetwork Network { get; }

    public TimeProvider Time { get; }

    /// <summary>A client of the web host, once it has started.</summary>
    public HttpClient Client { get; private set; } = null!;

    public SecretScanningLoggerProvider Logs { get; }

    public static string GbfsPath(string document) => $"/gbfs/2.3/{document}.json";

    public static async Task<MatrixHost> StartAsync(CancellationToken cancellationToken)
    {
        var upstream = await LoopbackUpstream.StartAsync(cancellationToken);
        var port = upstream.BaseAddress.Port;
        var closedPort = new Uri(LoopbackUpstream.ClosedPortUrl()).Port;
        var network = new ScriptedNetwork(port, closedPort);

        var configFile = Path.Combine(Path.GetTempPath(), $"transitdash-matrix-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(configFile, "# Every key of the fault matrix comes from the test.\n", cancellationToken);

        var logs = new SecretScanningLoggerProvider(Secret);
        var app = TransitDashWebApp.Build(new HostArguments(null, false, []), configFile, builder =>
        {
            builder.Configuration.AddInMemoryCollection(Settings(port));
            builder.Services.PostConfigure<HttpClientFactoryOptions>(FeedsServiceCollectionExtensions.FeedHttpClientName, options =>
                options.HttpMessageHandlerBuilderActions.Add(handlers =>
                {
                    var primary = (SocketsHttpHandler)handlers.PrimaryHandler;
                    primary.ConnectCallback = network.ConnectAsync;

                    // A new connection per request, so a host that stops resolving or starts refusing does so at once.
                    primary.PooledConnectionLifetime = TimeSpan.Zero;
                }));
        });
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);

        var host = new MatrixHost(upstream, network, configFile, app, logs);
        foreach (var feed in SubwayFeeds)
        {
            host.ServeGood(feed);
        }

        upstream.Map(GbfsPath("gbfs"), UpstreamBehavior.Serve(new UpstreamPayload(Discovery(port), "application/json") { ETag = "\"gbfs-1\"" }));
        foreach (var document in GbfsDocuments)
        {
            host.ServeGood(document);
        }

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        host.Client = new HttpClient { BaseAddress = new Uri(address) };
        return host;
    }

    /// <summary>A subway feed answered as live: its recording with the header time of the host's now.</summary>
    public void ServeGood(SubwayFeed feed)
    {
        var recording = Fixtures.Bytes(feed.Recording);
        Upstream.Map(feed.Path, UpstreamBehavior.Custom((context, cancellationToken) =>
        {
            var body = GtfsRealtimeRecordings.WithHeaderTime(recording, Time.GetUtcNow());
            context.Response.ContentType = "application/x-protobuf";
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body, cancellationToken).AsTask();
        }));
        Network.Heal(feed.Host);
    }

    /// <summary>A GBFS document answered from its recording, with an ETag: unchanged polls cost a 304.</summary>
    public void ServeGood(string gbfsDocument)
    {
        var payload = UpstreamPayload.Fixture($"citibike/v2.3/{gbfsDocument}.json") with { ETag = $"\"{gbfsDocument}-1\"" };
        Upstream.Map(GbfsPath(gbfsDocument), UpstreamBehavior.Serve(payload));
        Network.Heal(GbfsHost);
    }

    public async Task<JsonElement> GetJsonAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var response = await Client.GetAsync(pathAndQuery, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        await Upstream.DisposeAsync();
        File.Delete(_configFile);
    }

    /// <summary>Stations with arrivals of every subway feed from a few to 40 minutes after the clock's start, so each
    /// feed's part of <c>/api/subway</c> stays in sight for the whole run.</summary>
    private static IEnumerable<string> StopsOf(SubwayFeed feed)
    {
        var message = GtfsRealtimeParser.ParseTripFeed(feed.Name, Fixtures.Bytes(feed.Recording));
        return message.TripUpdates
            .Where(t => t.Trip.IsAssigned == true)
            .SelectMany(t => t.StopTimeUpdates)
            .Where(s => s.StopId is { Length: > 1 } && s.ArrivalTime > ClockStart.AddMinutes(5) && s.ArrivalTime < ClockStart.AddMinutes(40))
            .Select(s => s.StopId!.TrimEnd('N', 'S'))
            .Distinct(StringComparer.Ordinal)
            .Take(2);
    }

    private static Dictionary<string, string?> Settings(int port)
    {
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:Console:LogLevel:Default"] = "None",
            ["TransitDash:ClockStart"] = ClockStart.ToString("O", CultureInfo.InvariantCulture),
            ["TransitDash:Subway:PollInterval"] = Text(MatrixTimings.PollInterval),
            ["TransitDash:Subway:ApiKey"] = Secret,
            ["TransitDash:Citibike:PollInterval"] = Text(MatrixTimings.PollInterval),
            ["TransitDash:Citibike:DiscoveryUrl"] = $"http://{GbfsHost}:{port}{GbfsPath("gbfs")}",
            ["TransitDash:Health:StaleAfter"] = Text(MatrixTimings.StaleAfter),
            ["TransitDash:Health:ErrorAfter"] = Text(MatrixTimings.ErrorAfter),

            // Short, so that the health history is at its bound before the leak check's first measure: a history
            // still filling up would pass for a leak.
            ["TransitDash:History:Retention"] = "3s",
            ["TransitDash:Resilience:AttemptTimeout"] = Text(MatrixTimings.AttemptTimeout),
            ["TransitDash:Resilience:Retries"] = MatrixTimings.Retries.ToString(CultureInfo.InvariantCulture),
            ["TransitDash:Resilience:RetryDelay"] = Text(MatrixTimings.RetryDelay),
            ["TransitDash:Resilience:RetryMaxDelay"] = Text(MatrixTimings.RetryMaxDelay),
            ["TransitDash:Resilience:BreakerFailures"] = MatrixTimings.BreakerFailures.ToString(CultureInfo.InvariantCulture),
            ["TransitDash:Resilience:BreakerDuration"] = Text(MatrixTimings.BreakerDuration),
            ["TransitDash:Resilience:MaxRequestsPerSecond"] = "200",
            ["TransitDash:Resilience:MaxResponseBytes"] = MatrixTimings.MaxResponseBytes.ToString(CultureInfo.InvariantCulture),
        };

        var station = 0;
        for (var i = 0; i < SubwayFeeds.Count; i++)
        {
            var feed = SubwayFeeds[i];
            settings[$"TransitDash:Subway:Feeds:{i}:Name"] = feed.Name;
            settings[$"TransitDash:Subway:Feeds:{i}:Url"] = $"http://{feed.Host}:{port}{feed.Path}";
            foreach (var stop in StopsOf(feed))
            {
                settings[$"TransitDash:Subway:Stations:{station}:Name"] = $"{feed.Name} {stop}";
                settings[$"TransitDash:Subway:Stations:{station}:StopIds:0"] = stop;
                station++;
            }
        }

        var stations = JsonNode.Parse(Fixtures.Bytes("citibike/v2.3/station_information.json"))!["data"]!["stations"]!.AsArray();
        for (var i = 0; i < 3; i++)
        {
            settings[$"TransitDash:Citibike:Stations:{i}:Id"] = stations[i]!["station_id"]!.GetValue<string>();
        }

        return settings;
    }

    /// <summary>The recorded discovery document with every listed URL moved to the loopback GBFS host.</summary>
    private static byte[] Discovery(int port)
    {
        var discovery = JsonNode.Parse(Fixtures.Bytes("citibike/v2.3/gbfs.json"))!;
        foreach (var (_, language) in discovery["data"]!.AsObject())
        {
            foreach (var feed in language!["feeds"]!.AsArray())
            {
                var name = new Uri(feed!["url"]!.GetValue<string>()).Segments[^1];
                feed["url"] = $"http://{GbfsHost}:{port}/gbfs/2.3/{name}";
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(discovery);
    }

    private static string Text(TimeSpan value) => $"{value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms";
}

/// <summary>A subway feed of the matrix: its configured name, the host name it is fetched from, its path, its recording.</summary>
internal sealed record SubwayFeed(string Name, string Host, string Path, string Recording);
