using System.Net;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using TransitDash.Caching.Tests.Support;
using TransitDash.Feeds;
using TransitDash.Health;
using TransitDash.Polling;
using TransitDash.Snapshots;

namespace TransitDash.Caching.Tests.Polling;

public sealed partial class SourceRefresherTests : IDisposable
{
    private readonly PollingHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private ScriptedSource<string> Source(string name = "weather") => new(name, TimeSpan.FromSeconds(30), _harness.Time);

    [Fact]
    public void Constructor_Source_IsListedBeforeItsFirstFetch()
    {
        _harness.Refresher(Source());

        var health = _harness.Evaluator.Evaluate(_harness.Store.GetMetadata("weather")!, _harness.Time.GetUtcNow());

        Assert.Equal(SourceHealthStatus.Error, health.Status);
        Assert.Equal("never", health.LastUpdateText);
    }

    [Fact]
    public async Task Tick_PreviousFetchStillRunning_SkipsAndCountsTheTick()
    {
        var release = new TaskCompletionSource<PollResult<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var source = Source().Then(_ => release.Task).ThenData("second");
        var refresher = _harness.Refresher(source);
        using var skipped = new MetricCollector<long>(_harness.MeterFactory, TransitDashTelemetry.MeterName, TransitDashTelemetry.SkippedTicks);

        var first = refresher.Tick(CancellationToken.None);
        await Waits.For(source.Called);
        _harness.Time.Advance(TimeSpan.FromSeconds(30));
        var second = refresher.Tick(CancellationToken.None);
        _harness.Time.Advance(TimeSpan.FromSeconds(30));
        var third = refresher.Tick(CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Null(third);
        Assert.Single(source.Calls);
        Assert.Equal(2, refresher.SkippedTicks);
        Assert.Equal(2, skipped.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal("weather", skipped.LastMeasurement!.Tags[TransitDashTelemetry.SourceTag]);
        Assert.Contains("weather: the fetch started 60s ago is still running; this tick is skipped", _harness.Messages(LogLevel.Warning));

        release.SetResult(PollResult.Success("first"));
        await first;
        var fourth = refresher.Tick(CancellationToken.None);
        await fourth!;

        Assert.Equal(2, source.Calls.Count);
        Assert.Equal("second", _harness.Store.Get<string>("weather")!.Data);
    }

    [Fact]
    public async Task RefreshAsync_Success_PublishesLogsAndSamples()
    {
        var source = Source().Then(_ => Task.FromResult(PollResult.Success("sunny") with { EntityCount = 3, Summary = "Fetched 3 readings" }));
        var refresher = _harness.Refresher(source, "Weather");
        using var durations = new MetricCollector<double>(_harness.MeterFactory, TransitDashTelemetry.MeterName, TransitDashTelemetry.FetchDuration);

        await refresher.RefreshAsync(CancellationToken.None);

        var snapshot = _harness.Store.Get<string>("weather")!;
        Assert.Equal("sunny", snapshot.Data);
        Assert.Equal(3, snapshot.Metadata.EntityCount);
        Assert.Contains("Weather: Fetched 3 readings", _harness.Messages(LogLevel.Information));
        var measurement = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal("weather", measurement.Tags[TransitDashTelemetry.FeedTag]);
        Assert.Equal("ok", measurement.Tags[TransitDashTelemetry.OutcomeTag]);
        var window = _harness.History.Query("weather", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5)).Single();
        Assert.Equal(1, window.Samples);
        Assert.Equal(100.0, window.HealthyPercent);
        Assert.Equal("weather", Assert.Single(_harness.Store.GetAttempts("weather")).Feed);
    }

    [Fact]
    public async Task RefreshAsync_FeedExceptions_AreRecordedWithTheirKindAndTheDataStays()
    {
        var source = Source()
            .ThenData("good")
            .ThenThrow(new FeedHttpException("weather", HttpStatusCode.ServiceUnavailable))
            .ThenThrow(new FeedTimeoutException("weather", TimeSpan.FromSeconds(10)))
            .ThenThrow(new FeedPayloadException("weather", "truncated protobuf message"));
        var refresher = _harness.Refresher(source, "Weather");
        using var errors = new MetricCollector<long>(_harness.MeterFactory, TransitDashTelemetry.MeterName, TransitDashTelemetry.FetchErrors);

        for (var i = 0; i < 4; i++)
        {
            await refresher.RefreshAsync(CancellationToken.None);
        }

        var snapshot = _harness.Store.Get<string>("weather")!;
        Assert.Equal("good", snapshot.Data);
        Assert.Equal(4, snapshot.Metadata.FetchCount);
        Assert.Equal(3, snapshot.Metadata.ErrorCount);
        Assert.Equal(FeedErrorKind.BadPayload, snapshot.Metadata.LastError!.Kind);
        Assert.Equal(["http_5xx", "timeout", "bad_payload"], errors.GetMeasurementSnapshot().Select(m => (string)m.Tags[TransitDashTelemetry.ErrorKindTag]!));
        var warnings = _harness.Messages(LogLevel.Warning);
        Assert.Contains("Weather: fetch failed (http_5xx): Feed 'weather' answered HTTP 503 (ServiceUnavailable).", warnings);
        Assert.Contains(warnings, w => w.StartsWith("Weather: fetch failed (timeout):", StringComparison.Ordinal));
        Assert.Equal(503, _harness.Store.GetAttempts("weather")[2].StatusCode);
    }

    [Fact]
    public async Task RefreshAsync_SourceCodeThrows_IsAnUnknownFailureLoggedWithItsStackAndPollingGoesOn()
    {
        var source = Source().ThenThrow(new InvalidOperationException("a bug")).ThenData("fixed");
        var refresher = _harness.Refresher(source);

        await refresher.RefreshAsync(CancellationToken.None);
        var afterBug = _harness.Store.GetMetadata("weather")!;
        await refresher.RefreshAsync(CancellationToken.None);

        Assert.Equal(FeedErrorKind.Unknown, afterBug.LastError!.Kind);
        Assert.Equal("InvalidOperationException: a bug", afterBug.LastError.Message);
        var crash = Assert.Single(_harness.Logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.IsType<InvalidOperationException>(crash.Exception);
        Assert.Equal("fixed", _harness.Store.Get<string>("weather")!.Data);
    }

    [Fact]
    public async Task RefreshAsync_SourceThrowsSynchronously_IsAFailedAttempt()
    {
        var refresher = _harness.Refresher(new ThrowingSource());

        await refresher.RefreshAsync(CancellationToken.None);

        Assert.Equal(1, _harness.Store.GetMetadata("sync")!.ErrorCount);
    }

    [Fact]
    public async Task RefreshAsync_CancelledBecauseTheHostStops_RecordsNothing()
    {
        var source = Source().ThenHang();
        var refresher = _harness.Refresher(source);
        using var stopping = new CancellationTokenSource();

        var running = refresher.RefreshAsync(stopping.Token);
        await Waits.For(source.Called);
        await stopping.CancelAsync();
        await running;

        Assert.Equal(0, _harness.Store.GetMetadata("weather")!.FetchCount);
        Assert.Empty(_harness.Messages(LogLevel.Warning));
    }

    [Fact]
    public async Task RefreshAsync_TimeoutCancellationNotFromTheHost_IsATimeout()
    {
        // What HttpClient throws when its own Timeout passes.
        var source = Source().ThenThrow(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.", new TimeoutException("The operation was canceled.")));
        var refresher = _harness.Refresher(source);

        await refresher.RefreshAsync(CancellationToken.None);

        Assert.Equal(FeedErrorKind.Timeout, _harness.Store.GetMetadata("weather")!.LastError!.Kind);
    }

    [Fact]
    public async Task RefreshAsync_SourceCancelsItselfWhileTheHostRuns_IsACancelledAttemptAndPollingGoesOn()
    {
        using var own = new CancellationTokenSource();
        await own.CancelAsync();
        var source = Source().ThenThrow(new OperationCanceledException(own.Token)).ThenData("next");
        var refresher = _harness.Refresher(source);
        using var errors = new MetricCollector<long>(_harness.MeterFactory, TransitDashTelemetry.MeterName, TransitDashTelemetry.FetchErrors);

        await refresher.RefreshAsync(CancellationToken.None);
        var afterCancel = _harness.Store.GetMetadata("weather")!;
        await refresher.RefreshAsync(CancellationToken.None);

        Assert.Equal(FeedErrorKind.Cancelled, afterCancel.LastError!.Kind);
        Assert.Equal("Feed 'weather' was cancelled before it answered, not by its attempt timeout or the host stopping.", afterCancel.LastError.Message);
        var attempt = _harness.Store.GetAttempts("weather")[1];
        Assert.Equal(FeedErrorKind.Cancelled, attempt.ErrorKind);
        Assert.Equal(["cancelled"], errors.GetMeasurementSnapshot().Select(m => (string)m.Tags[TransitDashTelemetry.ErrorKindTag]!));
        Assert.DoesNotContain(_harness.Logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Equal("next", _harness.Store.Get<string>("weather")!.Data);
    }

    [Fact]
    public async Task RefreshAsync_PartialResult_PublishesDataAndCountsAFailedAttempt()
    {
        var source = Source().Then(_ => Task.FromResult(
            PollResult.Partial("7 of 8 feeds", new FeedException("subway", FeedErrorKind.Http5xx, "1 of 8 feeds failed: G (http_5xx)")) with
            {
                Attempts =
                [
                    new FeedAttempt(_harness.Time.GetUtcNow(), "ACE", AttemptOutcome.Ok, 200, TimeSpan.FromMilliseconds(30), 10),
                    new FeedAttempt(_harness.Time.GetUtcNow(), "G", AttemptOutcome.Error, 503, TimeSpan.FromMilliseconds(30), null, FeedErrorKind.Http5xx, "Feed 'G' answered HTTP 503 (ServiceUnavailable)."),
                ],
            }));
        var refresher = _harness.Refresher(source, "Subway");

        await refresher.RefreshAsync(CancellationToken.None);

        var snapshot = _harness.Store.Get<string>("weather")!;
        Assert.Equal("7 of 8 feeds", snapshot.Data);
        Assert.Equal(1, snapshot.Metadata.ErrorCount);
        Assert.Equal(SourceHealthStatus.Error, _harness.Evaluator.GetStatus(snapshot.Metadata, _harness.Time.GetUtcNow()));
        Assert.Contains("Subway: Fetched", _harness.Messages(LogLevel.Information));
        Assert.Equal(["Subway: feed G failed (http_5xx): Feed 'G' answered HTTP 503 (ServiceUnavailable)."], _harness.Messages(LogLevel.Warning));
    }

    [Fact]
    public async Task Tick_FetchHanging_AddsStaleThenErrorSamplesToHistory()
    {
        var source = Source().ThenData("good").ThenHang();
        var refresher = _harness.Refresher(source);
        using var stopping = new CancellationTokenSource();
        await refresher.Tick(stopping.Token)!;
        _harness.Time.Advance(TimeSpan.FromSeconds(30));
        var hanging = refresher.Tick(stopping.Token)!;

        for (var i = 0; i < 8; i++)
        {
            _harness.Time.Advance(TimeSpan.FromSeconds(30));
            Assert.Null(refresher.Tick(stopping.Token));
        }

        await stopping.CancelAsync();
        await hanging;
        var window = _harness.History.Query("weather", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5)).Single();

        // One attempt at 0 s, then skipped ticks at 60..270 s: healthy under 90 s, stale to 180 s, error after.
        Assert.Equal(9, window.Samples);
        Assert.Equal(2, Math.Round(window.HealthyPercent!.Value * 9 / 100));
        Assert.Equal(3, Math.Round(window.StalePercent!.Value * 9 / 100));
        Assert.Equal(4, Math.Round(window.ErrorPercent!.Value * 9 / 100));
    }

    private sealed class ThrowingSource : IPolledSource<string>
    {
        public string Name => "sync";

        public TimeSpan PollInterval => TimeSpan.FromSeconds(30);

        public Task<PollResult<string>> FetchAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("thrown before any await");
    }
}
