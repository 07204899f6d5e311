using System.Net;
using TransitDash.Simulator;
using TransitDash.Simulator.Upstream;

namespace TransitDash.Web.Tests.Simulator;

public sealed class DemoUpstreamTests
{
    [Fact]
    public async Task Serve_ManyPolls_KeepsNoRequests()
    {
        // Regression: the demo's server kept every request it served, so a --demo host grew without bound.
        var scenario = new DemoScenario { SubwayFeeds = ["1234567S"], SubwayStations = [("Wall St", ["419"])], ErrorRate = 0 };
        await using var demo = await DemoUpstream.StartAsync(scenario, TimeProvider.System, TestContext.Current.CancellationToken);
        using var client = new HttpClient();

        for (var i = 0; i < 20; i++)
        {
            using var response = await client.GetAsync(demo.SubwayFeedUrl("1234567S"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.False(demo.Server.RecordsRequests);
        Assert.Empty(demo.Server.Requests);
    }

    [Fact]
    public async Task Serve_RecordingOffThenOn_KeepsOnlyTheRequestsMadeWhileOn()
    {
        await using var upstream = await LoopbackUpstream.StartAsync(TestContext.Current.CancellationToken);
        upstream.Map("/feed", UpstreamBehavior.Serve(new byte[] { 1, 2, 3 }, "application/x-protobuf"));
        using var client = new HttpClient();

        upstream.RecordsRequests = false;
        var unrecorded = await client.GetByteArrayAsync(upstream.Url("/feed?key=1"), TestContext.Current.CancellationToken);
        upstream.RecordsRequests = true;
        await client.GetByteArrayAsync(upstream.Url("/feed?key=2"), TestContext.Current.CancellationToken);

        Assert.Equal([1, 2, 3], unrecorded);
        var kept = Assert.Single(upstream.Requests);
        Assert.Equal("/feed?key=2", kept.RawTarget);
        Assert.Equal("/feed", kept.Path);
        Assert.Equal(200, kept.ResponseStatusCode);
    }
}
