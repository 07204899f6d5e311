using System.Net;
using TransitDash.Simulator.Upstream;
using TransitDash.Testing;
using TransitDash.Web.Tests.Support;

namespace TransitDash.Web.Tests.EndToEnd;

/// <summary>The real host against a loopback upstream playing the recordings, its clock at their moment:
/// live data, then an upstream that fails, then one that hangs, then recovery.</summary>
public sealed class RecordedFeedsTests
{
    [Fact]
    public async Task Host_UpstreamFailsHangsAndRecovers_KeepsServingTheRecordedDataAndReportsEachState()
    {
        await using var upstream = await RecordedUpstream.StartAsync(TestContext.Current.CancellationToken);
        await using var host = await WebHost.StartAsync(new RecordedConfig().ToYaml(upstream));

        // Live: the recorded trains and bikes, every source healthy.
        var subway = await WaitForAsync(host, "/api/subway?limit=500", a => a.Status == HttpStatusCode.OK, "the first subway data");
        Assert.True((bool?)subway.Json!["success"]);
        foreach (var train in ExpectedArrival.Recorded2019)
        {
            train.AssertListedIn(subway.Data, host.ClockElapsedAtMost);
        }

        var bikes = await WaitForAsync(host, "/api/citibike", a => a.Status == HttpStatusCode.OK, "the first Citi Bike data");
        ExpectedDock.AssertListed(bikes.Data, [.. ExpectedDock.Listed]);
        await WaitForHealthAsync(host, "healthy", source => (string?)source["status"] == "healthy", "every source healthy");

        // The upstream fails: the last good data keeps coming, health says error and why.
        upstream.AnswerEverywhere(UpstreamBehavior.Status(HttpStatusCode.ServiceUnavailable));
        var failed = await WaitForHealthAsync(host, "degraded", source => IsError(source, "http_5xx"), "every source in error (http_5xx)");
        Assert.Contains("1234567S (http_5xx)", (string?)failed.Json!["subway"]!["last_error"]);
        var heldSince = await AssertSameDataAsync(host);
        var metrics = await ApiAnswer.GetAsync(host.Client, "/metrics");
        Assert.Matches("transitdash_fetch_errors_total\\{[^}]*error_kind=\"http_5xx\"", metrics.Text);

        // The upstream hangs: each attempt times out, health says so, the same data keeps coming.
        upstream.AnswerEverywhere(UpstreamBehavior.Hang());
        await WaitForHealthAsync(host, "degraded", source => IsError(source, "timeout"), "every source in error (timeout)");
        Assert.Equal(heldSince, await AssertSameDataAsync(host));

        // The upstream recovers, as a live one whose header times move: healthy again once each breaker's trial
        // goes through, with data fetched after the outage.
        upstream.ServeRecordingsAsIfLive(() => RecordedUpstream.Moment + host.ClockElapsedAtMost);
        await WaitForHealthAsync(host, "healthy", source => (string?)source["status"] == "healthy", "every source healthy again");
        var recovered = await ApiAnswer.GetAsync(host.Client, "/api/subway?limit=500");
        Assert.True((long?)recovered.Json!["last_updated"] > heldSince, $"no fresh data after recovery: {recovered}");
    }

    private static bool IsError(System.Text.Json.Nodes.JsonNode source, string kind) =>
        (string?)source["status"] == "error" && (string?)source["last_error_kind"] == kind;

    private static Task<ApiAnswer> WaitForAsync(WebHost host, string url, Func<ApiAnswer, bool> done, string what) =>
        Eventually.Until(() => ApiAnswer.GetAsync(host.Client, url), done, what);

    /// <summary>Waits until the overall status is <paramref name="overall"/> and subway, Citi Bike and alerts
    /// each satisfy <paramref name="each"/>.</summary>
    private static Task<ApiAnswer> WaitForHealthAsync(WebHost host, string overall, Func<System.Text.Json.Nodes.JsonNode, bool> each, string what) =>
        WaitForAsync(
            host,
            "/api/health",
            a => (string?)a.Json?["status"] == overall && new[] { "subway", "citibike", "alerts" }.All(s => a.Json?[s] is { } source && each(source)),
            what);

    /// <summary>Checks that the held data is still served as a success, and returns its last_updated.</summary>
    private static async Task<long> AssertSameDataAsync(WebHost host)
    {
        var subway = await ApiAnswer.GetAsync(host.Client, "/api/subway?limit=500");
        Assert.True(subway.Status == HttpStatusCode.OK, subway.ToString());
        Assert.True((bool?)subway.Json!["success"]);
        foreach (var train in ExpectedArrival.Recorded2019.Where(t => t.ArrivalTime > RecordedUpstream.MomentSeconds + 120))
        {
            train.AssertListedIn(subway.Data, host.ClockElapsedAtMost);
        }

        var bikes = await ApiAnswer.GetAsync(host.Client, "/api/citibike");
        Assert.True(bikes.Status == HttpStatusCode.OK, bikes.ToString());
        ExpectedDock.AssertListed(bikes.Data, [.. ExpectedDock.Listed]);
        return (long)subway.Json["last_updated"]!;
    }
}
