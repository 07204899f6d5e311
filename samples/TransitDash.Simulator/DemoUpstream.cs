using System.Net;
using Microsoft.AspNetCore.Http;
using TransitDash.Simulator.Upstream;

namespace TransitDash.Simulator;

/// <summary>The upstream a host plays against in <c>--demo</c>: a loopback server with a feed for every
/// configured subway feed, an alerts feed and a GBFS system, all generated from the clock. Now and
/// then one feed is down for a minute (503), so a board shows an outage and its recovery.</summary>
public sealed class DemoUpstream : IAsyncDisposable
{
    private const string Protobuf = "application/x-protobuf";
    private const string Json = "application/json";

    private readonly LoopbackUpstream server;

    private DemoUpstream(LoopbackUpstream server) => this.server = server;

    /// <summary>The server the demo plays on (tests look at what it keeps).</summary>
    internal LoopbackUpstream Server => server;

    /// <summary>The URL of the alerts feed.</summary>
    public string AlertsUrl => server.Url("/alerts");

    /// <summary>The URL of the GBFS discovery document.</summary>
    public string GbfsDiscoveryUrl => server.Url("/gbfs/gbfs.json");

    /// <summary>Starts the upstream on a free loopback port.</summary>
    /// <param name="scenario">What to play.</param>
    /// <param name="timeProvider">The clock the feeds follow.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running upstream; dispose it to stop it.</returns>
    public static async Task<DemoUpstream> StartAsync(DemoScenario scenario, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var server = await LoopbackUpstream.StartAsync(cancellationToken).ConfigureAwait(false);

        // The demo plays for as long as the host runs: nobody reads its requests, and keeping them grew
        // the host's memory by every request ever made (found by the poller's soak run).
        server.RecordsRequests = false;
        var subway = new SubwaySystem(scenario);
        var bikes = new BikeSystem(scenario);
        var alerts = new AlertSystem(scenario.SubwayStations.SelectMany(s => s.StopIds).SelectMany(SubwaySystem.LinesAt).Distinct().ToArray());
        var outages = new Outages(scenario.ErrorRate);

        foreach (var feed in scenario.SubwayFeeds)
        {
            var path = FeedPath(feed);
            server.Map(path, Generated(path, Protobuf, timeProvider, outages, now => subway.Feed(feed, now)));
        }

        server.Map("/alerts", Generated("/alerts", Protobuf, timeProvider, outages, alerts.Feed));
        server.Map("/gbfs/gbfs.json", Generated("/gbfs/gbfs.json", Json, timeProvider, outages: null, now => BikeSystem.Discovery(server.BaseAddress, now)));
        server.Map("/gbfs/en/station_information.json", Generated("info", Json, timeProvider, outages: null, bikes.StationInformation));
        server.Map("/gbfs/en/station_status.json", Generated("/gbfs/en/station_status.json", Json, timeProvider, outages, bikes.StationStatus));
        server.Map("/gbfs/en/vehicle_types.json", Generated("types", Json, timeProvider, outages: null, BikeSystem.VehicleTypes));
        return new DemoUpstream(server);
    }

    /// <summary>The URL of one subway feed.</summary>
    /// <param name="feedName">The configured feed name.</param>
    /// <returns>The URL.</returns>
    public string SubwayFeedUrl(string feedName) => server.Url(FeedPath(feedName));

    /// <inheritdoc />
    public ValueTask DisposeAsync() => server.DisposeAsync();

    private static string FeedPath(string feedName) => "/gtfs/" + Uri.EscapeDataString(feedName);

    private static UpstreamBehavior Generated(string key, string contentType, TimeProvider time, Outages? outages, Func<DateTimeOffset, byte[]> generate) =>
        UpstreamBehavior.Custom(async (context, cancellationToken) =>
        {
            var now = time.GetUtcNow();
            if (outages?.IsDown(key, now) == true)
            {
                context.Response.StatusCode = (int)HttpStatusCode.ServiceUnavailable;
                context.Response.Headers.RetryAfter = "30";
                return;
            }

            var body = generate(now);
            context.Response.ContentType = contentType;
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>Decides, minute by minute and per feed, whether a feed is down: rare, short, repeatable.</summary>
    private sealed class Outages(double rate)
    {
        public bool IsDown(string key, DateTimeOffset now)
        {
            if (rate <= 0)
            {
                return false;
            }

            var minute = now.ToUnixTimeSeconds() / 60;
            var hash = (uint)HashCode.Combine(minute, string.GetHashCode(key, StringComparison.Ordinal) & 0x7fffffff);
            return hash % 10_000 < rate * 10_000;
        }
    }
}
