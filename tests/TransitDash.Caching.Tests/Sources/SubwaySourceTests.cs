using Microsoft.Extensions.Logging;
using TransitDash.Caching.Tests.Support;
using TransitDash.Feeds;
using TransitDash.Health;
using TransitDash.Options;
using TransitDash.Polling;
using TransitDash.Snapshots;
using TransitDash.Sources;

namespace TransitDash.Caching.Tests.Sources;

public sealed partial class SubwaySourceTests : IDisposable
{
    private static readonly string[] EightFeeds = ["1234567S", "ACE", "BDFM", "G", "JZ", "L", "NQRW", "SIR"];
    private readonly PollingHarness _harness = new();
    private readonly FeedTraceProjection _projection = new();

    public void Dispose() => _harness.Dispose();

    private SubwaySource Source(string[]? feeds = null, Action<SubwayOptions>? configure = null)
    {
        var options = new SubwayOptions
        {
            Feeds = (feeds ?? EightFeeds).Select(f => new SubwayFeedOptions { Name = f, Url = $"http://127.0.0.1:1/{f}" }).ToList(),
            Stations = [new SubwayStationOptions { Name = "Wall St", StopIds = ["419"] }],
        };
        configure?.Invoke(options);
        return new SubwaySource(options, _harness.Options.Resilience, null, _harness.Gtfs, new FakeFeedClient(), _ => _projection, _harness.Pipelines, _harness.Time, _harness.Logger);
    }

    [Fact]
    public async Task FetchAsync_FeedsAnswerInAnyOrder_MergesInConfiguredOrder()
    {
        var late = new TaskCompletionSource();
        _harness.Gtfs.On("ACE", async (source, _) =>
        {
            await late.Task;
            return _harness.Gtfs.Result("ACE", _harness.Time.GetUtcNow());
        });
        var source = Source(["ACE", "G", "L"]);

        var fetching = source.FetchAsync(CancellationToken.None);
        await Waits.For(_harness.Gtfs.Called, 3);
        late.SetResult();
        var result = await fetching;

        Assert.True(result.HasData);
        Assert.Null(result.Error);
        Assert.Equal(["ACE", "G", "L"], result.Data!.Arrivals.Select(a => a.Feed));
        Assert.Equal(["ACE", "G", "L"], result.Data.Feeds.Select(f => f.Name));
        Assert.Equal(3, result.Attempts.Count);
        Assert.Equal("Fetched 3 arrivals from 1 stations", result.Summary);
        Assert.Equal(3, result.EntityCount);
    }

    [Fact]
    public async Task FetchAsync_AllFeedsOfACycle_AreFetchedConcurrently()
    {
        var gate = new TaskCompletionSource();
        _harness.Gtfs.Default = async (source, _) =>
        {
            await gate.Task;
            return _harness.Gtfs.Result(source.Name, _harness.Time.GetUtcNow());
        };
        var source = Source();

        var fetching = source.FetchAsync(CancellationToken.None);

        // Every feed is asked before any answers: a sequential cycle would wait on the first.
        await Waits.For(_harness.Gtfs.Called, 8);
        gate.SetResult();
        Assert.Equal(8, (await fetching).Data!.Arrivals.Count);
    }

    [Fact]
    public async Task FetchAsync_OneFeedOfEightFails_OthersUpdateAndItsLastGoodPartStays()
    {
        var source = Source();
        var first = await source.FetchAsync(CancellationToken.None);
        var firstG = first.Data!.Arrivals.Single(a => a.Feed == "G");

        _harness.Time.Advance(TimeSpan.FromSeconds(30));
        _harness.Gtfs.Fail("G", new FeedTimeoutException("G", TimeSpan.FromSeconds(10)));
        var second = await source.FetchAsync(CancellationToken.None);

        Assert.True(second.HasData);
        Assert.Equal(FeedErrorKind.Timeout, second.Error!.Kind);
        Assert.Equal("1 of 8 feeds failed: G (timeout): Feed 'G' did not answer within 10 s.", second.Error.Message);
        Assert.Equal(EightFeeds, second.Data!.Arrivals.Select(a => a.Feed));
        Assert.Equal(firstG.TripId, second.Data.Arrivals.Single(a => a.Feed == "G").TripId);
        var g = second.Data.Feeds.Single(f => f.Name == "G");
        Assert.True(g.LastAttemptFailed);
        Assert.Equal(PollingHarness.Start, g.LastSuccess);
        Assert.Equal(PollingHarness.Start, second.Data.LastUpdated);
        Assert.Equal(PollingHarness.Start.AddSeconds(30), second.Data.Feeds.Single(f => f.Name == "ACE").LastSuccess);
        Assert.Equal(7, second.Attempts.Count(a => a.Outcome == AttemptOutcome.Ok));
    }

    [Fact]
    public async Task Refresh_DeadFeed_OpensOnlyItsOwnCircuitWhileTheOtherSevenKeepPolling()
    {
        var refresher = _harness.Refresher(Source(), "Subway");
        await refresher.RefreshAsync(CancellationToken.None);
        _harness.Gtfs.Fail("G", new FeedConnectionException("G", FeedErrorKind.Connection, "Feed 'G' could not be fetched: connection refused."));

        // The default BreakerFailures (5) failed polls open G's circuit; the sixth cycle does not ask G at all.
        for (var cycle = 0; cycle < 6; cycle++)
        {
            _harness.Time.Advance(TimeSpan.FromSeconds(30));
            await refresher.RefreshAsync(CancellationToken.None);
        }

        var calls = _harness.Gtfs.Calls.ToArray();
        Assert.Equal(6, calls.Count(c => c.Feed == "G"));
        Assert.All(EightFeeds.Where(f => f != "G"), f => Assert.Equal(7, calls.Count(c => c.Feed == f)));
        var health = _harness.Evaluator.Evaluate(_harness.Store.GetMetadata("subway")!, _harness.Time.GetUtcNow());
        var g = health.Feeds.Single(f => f.Feed == "G");
        Assert.Equal((FeedCircuitState.Open, FeedErrorKind.CircuitOpen), (g.Circuit, g.LastErrorKind));
        Assert.All(health.Feeds.Where(f => f.Feed != "G"), f => Assert.Equal((FeedCircuitState.Closed, SourceHealthStatus.Healthy), (f.Circuit!.Value, f.Status)));
        Assert.Equal(FeedCircuitState.Open, health.Circuit);
        Assert.Equal(EightFeeds, _harness.Store.Get<SubwayBoard>("subway")!.Data!.Arrivals.Select(a => a.Feed));
    }

    [Fact]
    public async Task Refresh_CycleWithOneFeedOfEightFailed_IsAFailedAttemptWithExactCounts()
    {
        var refresher = _harness.Refresher(Source(), "Subway");
        await refresher.RefreshAsync(CancellationToken.None);
        _harness.Gtfs.Fail("NQRW", new FeedHttpException("NQRW", System.Net.HttpStatusCode.BadGateway));

        _harness.Time.Advance(TimeSpan.FromSeconds(30));
        await refresher.RefreshAsync(CancellationToken.None);
        _harness.Time.Advance(TimeSpan.FromSeconds(30));
        await refresher.RefreshAsync(CancellationToken.None);

        var health = _harness.Evaluator.Evaluate(_harness.Store.GetMetadata("subway")!, _harness.Time.GetUtcNow());
        Assert.Equal(SourceHealthStatus.Error, health.Status);
        Assert.Equal(FeedErrorKind.Http5xx, health.LastErrorKind);
        Assert.Equal(3, health.FetchCount);
        Assert.Equal(2, health.ErrorCount);
        var nqrw = health.Feeds.Single(f => f.Feed == "NQRW");
        Assert.Equal(3, nqrw.FetchCount);
        Assert.Equal(2, nqrw.ErrorCount);
        Assert.Equal(502, nqrw.LastStatusCode);
        Assert.All(health.Feeds.Where(f => f.Feed != "NQRW"), f => Assert.Equal(0, f.ErrorCount));
        Assert.Equal(8, _harness.Store.Get<SubwayBoard>("subway")!.Data!.Arrivals.Count);
        Assert.Equal(2, _harness.Messages(LogLevel.Warning).Count(m => m.StartsWith("Subway: feed NQRW failed (http_5xx)", StringComparison.Ordinal)));

        _harness.Gtfs.On("NQRW", (s, _) => Task.FromResult(_harness.Gtfs.Result("NQRW", _harness.Time.GetUtcNow())));
        _harness.Time.Advance(TimeSpan.FromSeconds(30));
        await refresher.RefreshAsync(CancellationToken.None);
        Assert.Equal(SourceHealthStatus.Healthy, _harness.Evaluator.GetStatus(_harness.Store.GetMetadata("subway")!, _harness.Time.GetUtcNow()));
    }

    [Fact]
    public async Task FetchAsync_EveryFeedNotModified_ProjectsTheHeldReadsAgainAtTheNewTimeWithoutReadingAnyPayload()
    {
        var source = Source(["ACE", "G"]);
        await source.FetchAsync(CancellationToken.None);
        _harness.Gtfs.NotModified("ACE");
        _harness.Gtfs.NotModified("G");

        _harness.Time.Advance(TimeSpan.FromSeconds(30));
        var result = await source.FetchAsync(CancellationToken.None);

        Assert.True(result.HasData);
        Assert.Null(result.Error);
        Assert.Equal([PollingHarness.Start, PollingHarness.Start.AddSeconds(30)], _projection.ProjectedAt);
        Assert.Equal(["ACE", "G"], _projection.Reads);
        Assert.Equal(PollingHarness.Start.AddSeconds(30), result.Data!.ProjectedAt);
        Assert.Equal(["ACE", "G"], result.Data.Arrivals.Select(a => a.Feed));
        Assert.All(result.Attempts, a => Assert.Equal(AttemptOutcome.NotModified, a.Outcome));
        Assert.Equal(PollingHarness.Start, result.UpstreamTime);
    }

    [Fact]
    public async Task FetchAsync_OneFeedChangedOneNotModifiedOneFailed_ReadsOnlyTheChangedPayload()
    {
        var source = Source(["ACE", "G", "L"]);
        await source.FetchAsync(CancellationToken.None);
        _harness.Gtfs.NotModified("G");
        _harness.Gtfs.Fail("L", new FeedTimeoutException("L", TimeSpan.FromSeconds(10)));

        _harness.Time.Advance(TimeSpan.FromSeconds(30));
        var result = await source.FetchAsync(CancellationToken.None);

        // Payloads are read in configured feed order once the cycle's fetches are done.
        Assert.Equal(["ACE", "G", "L", "ACE"], _projection.Reads);
        Assert.Equal(["ACE", "G", "L"], result.Data!.Arrivals.Select(a => a.Feed));
    }

    [Fact]
    public async Task FetchAsync_EveryFeedFails_PublishesNothingNew()
    {
        var source = Source(["ACE", "G"]);
        await source.FetchAsync(CancellationToken.None);
        _harness.Gtfs.Fail("ACE", new FeedConnectionException("ACE", FeedErrorKind.Connection, "Feed 'ACE': connection refused."));
        _harness.Gtfs.Fail("G", new FeedConnectionException("G", FeedErrorKind.Dns, "Feed 'G': host not found."));

        var result = await source.FetchAsync(CancellationToken.None);

        Assert.False(result.HasData);
        Assert.Equal(FeedErrorKind.Connection, result.Error!.Kind);
        Assert.StartsWith("2 of 2 feeds failed: ACE (connection)", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("G (dns)", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.Attempts.Count);
    }

    [Fact]
    public async Task FetchAsync_StaticGtfsUnreadable_IsAWarningNotAFailure()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"transitdash-{Guid.NewGuid():N}", "stops.txt");
        var source = Source(["ACE"], o => o.StaticGtfs = missing);

        var result = await source.FetchAsync(CancellationToken.None);

        Assert.True(result.HasData);
        Assert.Null(result.Error);
        Assert.Contains(result.Warnings!, w => w.StartsWith("Static GTFS could not be loaded:", StringComparison.Ordinal));
        Assert.Contains(_harness.Messages(LogLevel.Warning), m => m.StartsWith("Subway: static GTFS could not be loaded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FetchAsync_StopIdsTheCatalogLacks_AreWarningsAndNamesComeFromTheCatalog()
    {
        var stops = Path.Combine(Path.GetTempPath(), $"transitdash-stops-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(stops, "stop_id,stop_name,parent_station\n419,Wall St,\n419N,Wall St,419\nM23,Broad St,\n", TestContext.Current.CancellationToken);
        try
        {
            var source = Source(["ACE"], o =>
            {
                o.StaticGtfs = stops;
                o.Stations = [new SubwayStationOptions { StopIds = ["M23"] }, new SubwayStationOptions { Name = "Wall St", StopIds = ["419", "Z99"] }];
            });

            var result = await source.FetchAsync(CancellationToken.None);
            var again = await source.FetchAsync(CancellationToken.None);

            Assert.Equal(["Stop id 'Z99' (Wall St) is not in the static GTFS."], result.Warnings);
            Assert.Equal(["Broad St", "Wall St"], result.Data!.Stations.Select(s => s.Name));
            Assert.Equal(result.Warnings, again.Warnings);
            Assert.Single(_harness.Messages(LogLevel.Warning), m => m.Contains("Z99", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(stops);
        }
    }

    [Fact]
    public async Task FetchAsync_Cancelled_Throws()
    {
        _harness.Gtfs.Hang("ACE");
        var source = Source(["ACE", "G"]);
        using var stopping = new CancellationTokenSource();

        var fetching = source.FetchAsync(stopping.Token);
        await Waits.For(_harness.Gtfs.Called, 2);
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetching);
    }

    [Fact]
    public void PollInterval_FromOptions()
    {
        Assert.Equal(TimeSpan.FromSeconds(12), Source(configure: o => o.PollInterval = TimeSpan.FromSeconds(12)).PollInterval);
        Assert.Equal(TransitDashSources.Subway, Source().Name);
    }
}
