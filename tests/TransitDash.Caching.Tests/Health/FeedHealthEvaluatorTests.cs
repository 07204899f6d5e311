using Microsoft.Extensions.Time.Testing;
using TransitDash.Feeds;
using TransitDash.Health;
using TransitDash.Snapshots;

namespace TransitDash.Caching.Tests.Health;

public sealed class FeedHealthEvaluatorTests
{
    private static readonly DateTimeOffset T0 = new(2025, 10, 2, 14, 20, 0, TimeSpan.Zero);
    private readonly FeedHealthEvaluator _evaluator = new(TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(180));

    private static SnapshotMetadata Fetched(DateTimeOffset at) =>
        new("subway") { LastSuccess = at, LastAttempt = at, FetchCount = 1, Version = 1 };

    [Theory]
    [InlineData(0, SourceHealthStatus.Healthy)]
    [InlineData(89, SourceHealthStatus.Healthy)]
    [InlineData(90, SourceHealthStatus.Stale)]
    [InlineData(179, SourceHealthStatus.Stale)]
    [InlineData(180, SourceHealthStatus.Error)]
    [InlineData(3600, SourceHealthStatus.Error)]
    public void GetStatus_NoAttemptCompletes_GoesHealthyThenStaleAt90sThenErrorAt180s(int secondsLater, SourceHealthStatus expected)
    {
        Assert.Equal(expected, _evaluator.GetStatus(Fetched(T0), T0.AddSeconds(secondsLater)));
    }

    [Theory]
    [InlineData(59, FeedCircuitState.Open)]
    [InlineData(60, FeedCircuitState.HalfOpen)]
    [InlineData(600, FeedCircuitState.HalfOpen)]
    public void Evaluate_OpenCircuit_IsHalfOpenOnceItsBreakIsOver(int secondsLater, FeedCircuitState expected)
    {
        var store = new SnapshotStore(new FakeTimeProvider(T0));
        var open = new FeedCircuit(FeedCircuitState.Open, T0.AddSeconds(60));
        store.Apply<string>("subway", new SnapshotUpdate(T0)
        {
            HasData = true,
            Data = "board",
            Attempts =
            [
                new FeedAttempt(T0, "ACE", AttemptOutcome.Ok, 200, TimeSpan.Zero, 10) { Circuit = FeedCircuit.Closed },
                new FeedAttempt(T0, "G", AttemptOutcome.Error, null, TimeSpan.Zero, null, FeedErrorKind.CircuitOpen, "open") { Circuit = open },
            ],
        });

        var health = _evaluator.Evaluate(store.GetMetadata("subway")!, T0.AddSeconds(secondsLater));

        Assert.Equal(expected, health.Circuit);
        Assert.Equal([FeedCircuitState.Closed, expected], health.Feeds.Select(f => f.Circuit!.Value));
    }

    [Fact]
    public void GetStatus_StoreWithAHangingFetch_WalksTheTransitionsOnTheFakeClock()
    {
        var time = new FakeTimeProvider(T0);
        var store = new SnapshotStore(time);
        store.Set("subway", "board");
        var seen = new List<SourceHealthStatus>();

        for (var second = 0; second <= 200; second += 10)
        {
            seen.Add(_evaluator.GetStatus(store.GetMetadata("subway")!, time.GetUtcNow()));
            time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(
            [.. Enumerable.Repeat(SourceHealthStatus.Healthy, 9), .. Enumerable.Repeat(SourceHealthStatus.Stale, 9), .. Enumerable.Repeat(SourceHealthStatus.Error, 3)],
            seen);
    }

    [Fact]
    public void GetStatus_FailedAttempt_IsErrorAtOnceAndHealthyAgainOnSuccess()
    {
        var time = new FakeTimeProvider(T0);
        var store = new SnapshotStore(time);
        store.Set("citibike", "board");
        time.Advance(TimeSpan.FromSeconds(1));

        store.RecordError("citibike", FeedErrorKind.Http5xx, "Feed 'citibike' answered HTTP 503.");
        var afterFailure = _evaluator.Evaluate(store.GetMetadata("citibike")!, time.GetUtcNow());

        time.Advance(TimeSpan.FromSeconds(60));
        store.Set("citibike", "board 2");
        var afterRecovery = _evaluator.GetStatus(store.GetMetadata("citibike")!, time.GetUtcNow());

        Assert.Equal(SourceHealthStatus.Error, afterFailure.Status);
        Assert.Equal("Feed 'citibike' answered HTTP 503.", afterFailure.LastError);
        Assert.Equal(FeedErrorKind.Http5xx, afterFailure.LastErrorKind);
        Assert.Equal(SourceHealthStatus.Healthy, afterRecovery);
    }

    [Fact]
    public void GetStatus_NeverFetched_IsError()
    {
        var health = _evaluator.Evaluate(new SnapshotMetadata("alerts") { FetchCount = 3, ErrorCount = 3 }, T0);

        Assert.Equal(SourceHealthStatus.Error, health.Status);
        Assert.Equal("never", health.LastUpdateText);
        Assert.False(health.HasData);
    }

    [Fact]
    public void Evaluate_SubwayCycleWithOneFeedOfEightFailed_IsErrorWithPerFeedFigures()
    {
        var store = new SnapshotStore(new FakeTimeProvider(T0));
        var feeds = new[] { "1234567S", "ACE", "BDFM", "G", "JZ", "L", "NQRW", "SIR" };
        store.Apply<string>("subway", new SnapshotUpdate(T0)
        {
            HasData = true,
            Data = "merged board",
            Error = new SnapshotError(FeedErrorKind.Timeout, "1 of 8 feeds failed: G (timeout)", T0),
            Attempts = feeds.Select(f => f == "G"
                ? new FeedAttempt(T0, f, AttemptOutcome.Error, null, TimeSpan.FromSeconds(10), null, FeedErrorKind.Timeout, "Feed 'G' did not answer within 10 s.")
                : new FeedAttempt(T0, f, AttemptOutcome.Ok, 200, TimeSpan.FromMilliseconds(50), 1000) { UpstreamTime = T0.AddSeconds(-20) }).ToArray(),
        });

        var health = _evaluator.Evaluate(store.GetMetadata("subway")!, T0.AddSeconds(5));

        Assert.Equal(SourceHealthStatus.Error, health.Status);
        Assert.Equal(FeedErrorKind.Timeout, health.LastErrorKind);
        Assert.Equal(1, health.FetchCount);
        Assert.Equal(1, health.ErrorCount);
        Assert.Equal(8, health.Feeds.Count);
        Assert.Equal(SourceHealthStatus.Error, health.Feeds.Single(f => f.Feed == "G").Status);
        Assert.All(health.Feeds.Where(f => f.Feed != "G"), f => Assert.Equal(SourceHealthStatus.Healthy, f.Status));
        Assert.Equal(TimeSpan.FromSeconds(25), health.Feeds.Single(f => f.Feed == "ACE").UpstreamAge);
        Assert.Equal("5s ago", health.LastUpdateText);
        Assert.True(health.HasData);
    }

    [Fact]
    public void Evaluate_Metadata_CarriesWhatApiHealthNeeds()
    {
        var metadata = Fetched(T0) with
        {
            Version = 42,
            FetchCount = 10,
            ErrorCount = 2,
            UpstreamTime = T0.AddSeconds(-40),
            Warnings = ["Station 'Nowhere' is not in the GBFS feed."],
            EntityCount = 9,
        };

        var health = _evaluator.Evaluate(metadata, T0.AddSeconds(30));

        Assert.Equal("subway", health.Source);
        Assert.Equal("30s ago", health.LastUpdateText);
        Assert.Equal(42, health.Version);
        Assert.Equal(10, health.FetchCount);
        Assert.Equal(2, health.ErrorCount);
        Assert.Null(health.LastError);
        Assert.Equal(TimeSpan.FromSeconds(70), health.UpstreamAge);
        Assert.Equal(["Station 'Nowhere' is not in the GBFS feed."], health.Warnings);
        Assert.Equal(9, health.EntityCount);
    }

    [Theory]
    [InlineData(new[] { SourceHealthStatus.Healthy, SourceHealthStatus.Healthy }, new[] { true, true }, OverallHealthStatus.Healthy)]
    [InlineData(new[] { SourceHealthStatus.Healthy, SourceHealthStatus.Stale }, new[] { true, true }, OverallHealthStatus.Degraded)]
    [InlineData(new[] { SourceHealthStatus.Healthy, SourceHealthStatus.Error }, new[] { true, true }, OverallHealthStatus.Degraded)]
    [InlineData(new[] { SourceHealthStatus.Healthy, SourceHealthStatus.Error }, new[] { true, false }, OverallHealthStatus.Degraded)]
    [InlineData(new[] { SourceHealthStatus.Error, SourceHealthStatus.Error }, new[] { true, true }, OverallHealthStatus.Degraded)]
    [InlineData(new[] { SourceHealthStatus.Stale, SourceHealthStatus.Stale }, new[] { true, true }, OverallHealthStatus.Degraded)]
    [InlineData(new[] { SourceHealthStatus.Error, SourceHealthStatus.Error }, new[] { false, false }, OverallHealthStatus.Down)]
    [InlineData(new SourceHealthStatus[0], new bool[0], OverallHealthStatus.Healthy)]
    public void GetOverallStatus_EachMix_IsHealthyDegradedOrDown(SourceHealthStatus[] statuses, bool[] hasData, OverallHealthStatus expected)
    {
        var sources = statuses.Select((s, i) => new SourceHealth($"s{i}", s) { HasData = hasData[i] }).ToArray();

        Assert.Equal(expected, FeedHealthEvaluator.GetOverallStatus(sources));
    }

    [Fact]
    public void Evaluate_Report_JudgesEverySourceAndOverall()
    {
        var report = _evaluator.Evaluate(
            [Fetched(T0) with { Source = "subway" }, new SnapshotMetadata("citibike")],
            T0.AddSeconds(10),
            TimeSpan.FromHours(1));

        Assert.Equal(OverallHealthStatus.Degraded, report.Status);
        Assert.Equal(TimeSpan.FromHours(1), report.Uptime);
        Assert.Equal(SourceHealthStatus.Healthy, report.Find("SUBWAY")!.Status);
        Assert.Equal(SourceHealthStatus.Error, report.Find("citibike")!.Status);
        Assert.Null(report.Find("alerts"));
    }

    [Theory]
    [InlineData(0, "0s ago")]
    [InlineData(30.9, "30s ago")]
    [InlineData(59, "59s ago")]
    [InlineData(60, "1m ago")]
    [InlineData(4 * 60 + 59, "4m ago")]
    [InlineData(3600, "1h ago")]
    [InlineData(26 * 3600, "1d ago")]
    [InlineData(-5, "0s ago")]
    public void FormatLastUpdate_Ages_UseTheShortForm(double secondsAgo, string expected)
    {
        Assert.Equal(expected, FeedHealthEvaluator.FormatLastUpdate(T0.AddSeconds(-secondsAgo), T0));
    }

    [Fact]
    public void FormatLastUpdate_Never_SaysNever()
    {
        Assert.Equal("never", FeedHealthEvaluator.FormatLastUpdate(null, T0));
    }

    [Fact]
    public void Constructor_ErrorAfterNotLongerThanStaleAfter_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeedHealthEvaluator(TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(90)));
    }
}
