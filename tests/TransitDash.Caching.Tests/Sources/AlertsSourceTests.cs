using TransitDash.Caching.Tests.Support;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.Http;
using TransitDash.Options;
using TransitDash.Snapshots;
using TransitDash.Sources;

namespace TransitDash.Caching.Tests.Sources;

public sealed class AlertsSourceTests : IDisposable
{
    private readonly PollingHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task FetchAsync_AlertFeed_AsksForTheAlertsKindAndKeepsTheMessageWhenNotModified()
    {
        var alert = new ServiceAlert("a1", AlertCause.Maintenance, AlertEffect.SignificantDelays, [], [], "Delays", null, null, "Delays", null);
        var message = FakeGtfsRealtimeClient.Message("alerts", PollingHarness.Start, trips: 0) with { Alerts = [alert] };
        GtfsRealtimeFeedKind? kind = null;
        _harness.Gtfs.On("alerts", (source, _) =>
        {
            kind = source.Kind;
            return Task.FromResult(_harness.Gtfs.Result(message));
        });
        var source = new AlertsSource(new AlertsOptions { Url = "http://127.0.0.1:1/alerts" }, _harness.Options.Resilience, null, _harness.Gtfs, _harness.Pipelines);

        var first = await source.FetchAsync(CancellationToken.None);
        _harness.Gtfs.NotModified("alerts");
        var second = await source.FetchAsync(CancellationToken.None);

        Assert.Equal(GtfsRealtimeFeedKind.Alerts, kind);
        Assert.Equal("a1", Assert.Single(first.Data!.Alerts).Id);
        Assert.Equal("Fetched 1 alerts", first.Summary);
        Assert.Equal(first.Data.Alerts, second.Data!.Alerts);
        Assert.Equal(AttemptOutcome.NotModified, Assert.Single(second.Attempts).Outcome);
        Assert.Equal(PollingHarness.Start, second.UpstreamTime);
    }
}
