using Microsoft.Extensions.Logging;
using TransitDash.Caching.Tests.Support;
using TransitDash.Options;
using TransitDash.Polling;

namespace TransitDash.Caching.Tests.Polling;

public sealed partial class TransitDashPollerTests : IDisposable
{
    private readonly PollingHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private ScriptedSource<string> Source(string name, int seconds) =>
        new(name, TimeSpan.FromSeconds(seconds), _harness.Time) { Default = _ => Task.FromResult(PollResult.Success(name)) };

    [Fact]
    public async Task StartAsync_Sources_FetchAtOnceThenEveryInterval()
    {
        var subway = Source("subway-like", 30);
        var bikes = Source("bikes-like", 60);
        var sources = _harness.Sources(PollingHarness.Registration(subway), PollingHarness.Registration(bikes));
        var poller = _harness.Poller(sources);

        await poller.StartAsync(CancellationToken.None);
        await Waits.For(subway.Called);
        await Waits.For(bikes.Called);
        for (var step = 0; step < 4; step++)
        {
            // A fetch signals its call before its task completes; a tick that came before completion would
            // (rightly) be skipped as an overlap, so let every fetch finish before the clock moves on.
            await Waits.Until(() => sources.Refreshers.All(r => r.Running is null));
            _harness.Time.Advance(TimeSpan.FromSeconds(30));
            await Waits.For(subway.Called);
            if (step % 2 == 1)
            {
                await Waits.For(bikes.Called);
            }
        }

        await poller.StopAsync(CancellationToken.None);

        var start = PollingHarness.Start;
        Assert.Equal([start, start.AddSeconds(30), start.AddSeconds(60), start.AddSeconds(90), start.AddSeconds(120)], subway.Calls);
        Assert.Equal([start, start.AddSeconds(60), start.AddSeconds(120)], bikes.Calls);
    }

    [Fact]
    public async Task Tick_FetchHangs_NoOverlapAndOtherSourcesKeepTheirCadence()
    {
        var subway = Source("subway-like", 30).ThenHang();
        var bikes = Source("bikes-like", 60);
        var sources = _harness.Sources(PollingHarness.Registration(subway), PollingHarness.Registration(bikes));
        var poller = _harness.Poller(sources);

        await poller.StartAsync(CancellationToken.None);
        await Waits.For(subway.Called);
        await Waits.For(bikes.Called);
        var hanging = sources.Refreshers.Single(r => r.Name == "subway-like");

        // Each step waits for its tick to be taken: a periodic timer that falls behind folds missed ticks into one.
        var bikesRefresher = sources.Refreshers.Single(r => r.Name == "bikes-like");
        for (var minute = 1; minute <= 3; minute++)
        {
            await Waits.Until(() => bikesRefresher.Running is null);
            _harness.Time.Advance(TimeSpan.FromSeconds(30));
            await Waits.Until(() => hanging.SkippedTicks == (2 * minute) - 1);
            _harness.Time.Advance(TimeSpan.FromSeconds(30));
            await Waits.For(bikes.Called);
            await Waits.Until(() => hanging.SkippedTicks == 2 * minute);
        }

        await poller.StopAsync(CancellationToken.None);

        Assert.Single(subway.Calls);
        Assert.Equal(4, bikes.Calls.Count);
        Assert.Equal(6, hanging.SkippedTicks);
        Assert.Equal(4, _harness.Store.GetMetadata("bikes-like")!.FetchCount);
    }

    [Fact]
    public async Task StopAsync_FetchHanging_CancelsItAndStopsWithoutWaiting()
    {
        var subway = Source("subway-like", 30).ThenHang();
        var poller = _harness.Poller(_harness.Sources(PollingHarness.Registration(subway)));
        await poller.StartAsync(CancellationToken.None);
        await Waits.For(subway.Called);

        // The fake clock never moves here: stopping must not need the grace period when fetches honour cancellation.
        await poller.StopAsync(CancellationToken.None).WaitAsync(Waits.Bound, TestContext.Current.CancellationToken);

        Assert.True(subway.Tokens.Single().IsCancellationRequested);
        Assert.Equal(0, _harness.Store.GetMetadata("subway-like")!.FetchCount);
        Assert.Empty(_harness.Messages(LogLevel.Warning));
    }

    [Fact]
    public async Task StopAsync_FetchIgnoringCancellation_GivesUpAfterTheGrace()
    {
        var stuck = new TaskCompletionSource<PollResult<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subway = Source("subway-like", 30).Then(_ => stuck.Task);
        var poller = _harness.Poller(_harness.Sources(PollingHarness.Registration(subway)));
        await poller.StartAsync(CancellationToken.None);
        await Waits.For(subway.Called);

        var stopping = poller.StopAsync(CancellationToken.None);
        _harness.Time.Advance(TransitDashPoller.StopGrace - TimeSpan.FromMilliseconds(1));
        var stoppedBeforeGrace = stopping.IsCompleted;
        _harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        await stopping.WaitAsync(Waits.Bound, TestContext.Current.CancellationToken);

        Assert.False(stoppedBeforeGrace);
        Assert.True(TransitDashPoller.StopGrace < TimeSpan.FromSeconds(5));
        Assert.Contains("Scheduler stopped without waiting for fetches that ignored cancellation: subway-like", _harness.Messages(LogLevel.Warning));
        stuck.SetResult(PollResult.Success("late"));
    }

    [Fact]
    public async Task StartAsync_BuiltInSources_LogTheSchedulerLine()
    {
        using var harness = new PollingHarness(new TransitDashOptions
        {
            Subway = new SubwayOptions { Feeds = [new SubwayFeedOptions { Name = "ACE", Url = "http://127.0.0.1:1/ace" }] },
            Citibike = new CitibikeOptions { DiscoveryUrl = "http://127.0.0.1:1/gbfs.json" },
        });
        var poller = harness.Poller(harness.Sources());

        await poller.StartAsync(CancellationToken.None);
        await Waits.For(harness.Gbfs.Called);
        await poller.StopAsync(CancellationToken.None);

        Assert.Equal("Scheduler started: MTA every 30s, Citibike every 60s", harness.Messages(LogLevel.Information)[0]);
    }

    [Fact]
    public void Describe_AllKindsOfSources_NamesEachWithItsInterval()
    {
        using var harness = new PollingHarness(new TransitDashOptions
        {
            Subway = new SubwayOptions { PollInterval = TimeSpan.FromSeconds(10), Feeds = [new SubwayFeedOptions { Name = "ACE", Url = "http://127.0.0.1:1/ace" }] },
            Citibike = new CitibikeOptions { DiscoveryUrl = "http://127.0.0.1:1/gbfs.json" },
            Alerts = new AlertsOptions { Url = "http://127.0.0.1:1/alerts" },
        });
        var weather = new ScriptedSource<string>("weather", TimeSpan.FromMinutes(5), harness.Time);

        var sources = harness.Sources(PollingHarness.Registration(weather));

        Assert.Equal("MTA every 10s, Citibike every 60s, Alerts every 60s, weather every 5m", TransitDashPoller.Describe(sources.Refreshers));
        Assert.Equal(["subway", "citibike", "alerts", "weather"], harness.Store.Sources);
    }
}
