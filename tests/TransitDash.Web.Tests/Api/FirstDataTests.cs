using System.Net;
using TransitDash.Simulator.Upstream;
using TransitDash.Testing;
using TransitDash.Web.Tests.Support;

namespace TransitDash.Web.Tests.Api;

/// <summary>A host whose upstream has not delivered yet: it listens at once, answers 503 until data comes,
/// then serves the data and pushes it down the event stream.</summary>
public sealed class FirstDataTests
{
    [Fact]
    public async Task Get_BeforeTheFirstData_Answers503WithRetryAfterThen200OnceDataComes()
    {
        await using var upstream = await RecordedUpstream.StartAsync(TestContext.Current.CancellationToken);
        upstream.AnswerEverywhere(UpstreamBehavior.Status(HttpStatusCode.ServiceUnavailable));
        await using var host = await WebHost.StartAsync(new RecordedConfig().ToYaml(upstream));

        // Until an attempt has been made the 503 says the first fetch has not completed; after that it names the failure.
        await Eventually.Until(() => ApiAnswer.GetAsync(host.Client, "/api/health"), a => (long?)a.Json?["subway"]?["error_count"] >= 1, "a failed subway attempt");
        foreach (var endpoint in new[] { "/api/subway", "/api/citibike", "/api/alerts" })
        {
            var answer = await ApiAnswer.GetAsync(host.Client, endpoint);
            Assert.True(answer.Status == HttpStatusCode.ServiceUnavailable, $"{endpoint}: {answer}");
            Assert.Equal("application/problem+json", answer.ContentHeaders.ContentType?.MediaType);
            Assert.True(answer.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{endpoint} has no Retry-After");
            var body = answer.Json!;
            Assert.Equal(503, (int?)body["status"]);
            Assert.False((bool?)body["success"]);
            Assert.False(string.IsNullOrEmpty((string?)body["error"]));
            Assert.False(string.IsNullOrEmpty((string?)body["title"]));
            Assert.Empty(body["data"]!.AsArray());
            Assert.True(body.AsObject().ContainsKey("last_updated") && body["last_updated"] is null);
            Assert.True(body.AsObject().ContainsKey("staleness_seconds") && body["staleness_seconds"] is null);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await ApiAnswer.GetAsync(host.Client, "/healthz/ready")).Status);
        Assert.Equal(HttpStatusCode.OK, (await ApiAnswer.GetAsync(host.Client, "/healthz/live")).Status);
        var health = await ApiAnswer.GetAsync(host.Client, "/api/health");
        Assert.Equal("down", (string?)health.Json!["status"]);
        Assert.Equal("never", (string?)health.Json["subway"]!["last_update"]);

        upstream.ServeRecordings();
        await Eventually.Until(() => ApiAnswer.GetAsync(host.Client, "/api/subway"), a => a.Status == HttpStatusCode.OK, "the first subway data");
        await Eventually.Until(() => ApiAnswer.GetAsync(host.Client, "/healthz/ready"), a => a.Status == HttpStatusCode.OK, "readiness");
    }

    [Fact]
    public async Task Stream_NewSnapshot_DeliversAnEventWithTheEndpointsJson()
    {
        await using var upstream = await RecordedUpstream.StartAsync(TestContext.Current.CancellationToken);
        upstream.AnswerEverywhere(UpstreamBehavior.Status(HttpStatusCode.ServiceUnavailable));
        await using var host = await WebHost.StartAsync(new RecordedConfig().ToYaml(upstream));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Eventually.Deadline);

        using var response = await host.Client.GetAsync("/api/stream", HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new ServerSentEvents(await response.Content.ReadAsStreamAsync(deadline.Token));

        // The state at connection: health only, since no source has data.
        var first = await events.NextAsync(deadline.Token);
        Assert.Equal("health", first.Name);

        upstream.ServeRecordings();
        var subway = await events.NextAsync("subway", deadline.Token);
        Assert.True((bool?)subway.Json["success"]);
        var train = ExpectedArrival.Recorded2019[^1];
        train.AssertListedIn(subway.Json["data"]!.AsArray(), host.ClockElapsedAtMost);
        var bikes = await events.NextAsync("citibike", deadline.Token);
        ExpectedDock.AssertListed(bikes.Json["data"]!.AsArray(), [.. ExpectedDock.Listed]);
    }
}
