using Microsoft.Extensions.Time.Testing;
using TransitDash.Feeds;
using TransitDash.Health;

namespace TransitDash.Caching.Tests.Health;

public sealed class HealthHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2025, 10, 2, 14, 20, 0, TimeSpan.Zero);

    private static HealthSample Sample(DateTimeOffset at, SourceHealthStatus status, double? ms = 100, FeedErrorKind? error = null) =>
        new(at, status, ms is null ? null : TimeSpan.FromMilliseconds(ms.Value), error);

    [Fact]
    public void Query_SamplesInWindows_GivesPercentagesPercentilesAndErrors()
    {
        var time = new FakeTimeProvider(T0.AddMinutes(9).AddSeconds(59));
        var history = new HealthHistory(TimeSpan.FromHours(24), time);
        history.Register("subway", TimeSpan.FromSeconds(30));
        for (var i = 0; i < 20; i++)
        {
            // 14:20-14:30: 20 samples, durations 10..200 ms, the first stale and the last four failed.
            var status = i >= 16 ? SourceHealthStatus.Error : i == 0 ? SourceHealthStatus.Stale : SourceHealthStatus.Healthy;
            history.Add("subway", Sample(T0.AddSeconds(30 * i), status, 10 * (i + 1), i >= 16 ? FeedErrorKind.Http5xx : null));
        }

        var windows = history.Query("subway", TimeSpan.FromMinutes(5), TimeSpan.FromHours(1));

        Assert.Equal(12, windows.Count);
        Assert.Equal(T0.AddMinutes(5), windows[^1].Start);
        Assert.Equal(T0.AddMinutes(-50), windows[0].Start);
        Assert.All(windows.Zip(windows.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(5), pair.Second.Start - pair.First.Start));
        var current = windows[^1];
        var previous = windows[^2];
        Assert.Equal(10, previous.Samples);
        Assert.Equal(10, current.Samples);
        Assert.Equal(90.0, previous.HealthyPercent);
        Assert.Equal(10.0, previous.StalePercent);
        Assert.Equal(0.0, previous.ErrorPercent);
        Assert.Equal(TimeSpan.FromMilliseconds(50), previous.P50);
        Assert.Equal(TimeSpan.FromMilliseconds(100), previous.P95);
        Assert.Equal(0, previous.Errors);
        Assert.Equal(60.0, current.HealthyPercent);
        Assert.Equal(40.0, current.ErrorPercent);
        Assert.Equal(4, current.Errors);
        Assert.Equal(TimeSpan.FromMilliseconds(150), current.P50);
        Assert.Equal(TimeSpan.FromMilliseconds(200), current.P95);
    }

    [Fact]
    public void Query_WindowWithoutSamples_SaysSoRatherThanZeroPercent()
    {
        var time = new FakeTimeProvider(T0);
        var history = new HealthHistory(TimeSpan.FromHours(24), time);
        history.Register("citibike", TimeSpan.FromSeconds(60));
        history.Add("citibike", Sample(T0.AddMinutes(-1), SourceHealthStatus.Healthy));

        var windows = history.Query("citibike", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30));

        Assert.Equal(6, windows.Count);
        var empty = windows[0];
        Assert.Equal(0, empty.Samples);
        Assert.Null(empty.HealthyPercent);
        Assert.Null(empty.StalePercent);
        Assert.Null(empty.ErrorPercent);
        Assert.Null(empty.P50);
        Assert.Null(empty.P95);
        Assert.Equal(0, empty.Errors);
        Assert.Equal(1, windows[^2].Samples);
    }

    [Fact]
    public void Query_SkippedTickSamples_CountInStatusButNotInDurations()
    {
        var time = new FakeTimeProvider(T0.AddMinutes(1));
        var history = new HealthHistory(TimeSpan.FromHours(1), time);
        history.Register("subway", TimeSpan.FromSeconds(30));
        history.Add("subway", Sample(T0, SourceHealthStatus.Stale, ms: null));
        history.Add("subway", Sample(T0.AddSeconds(30), SourceHealthStatus.Stale, ms: null));

        var window = history.Query("subway", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5)).Single();

        Assert.Equal(2, window.Samples);
        Assert.Equal(100.0, window.StalePercent);
        Assert.Null(window.P50);
    }

    [Fact]
    public void Query_SamplesOlderThanRetention_AreGone()
    {
        var time = new FakeTimeProvider(T0);
        var history = new HealthHistory(TimeSpan.FromHours(1), time);
        history.Register("subway", TimeSpan.FromSeconds(30));
        history.Add("subway", Sample(T0.AddMinutes(-90), SourceHealthStatus.Healthy));
        history.Add("subway", Sample(T0.AddMinutes(-30), SourceHealthStatus.Healthy));

        var windows = history.Query("subway", TimeSpan.FromMinutes(60), TimeSpan.FromHours(3));

        Assert.Equal(1, windows.Sum(w => w.Samples));
    }

    [Fact]
    public void Add_ManyMoreSamplesThanRetentionHolds_MemoryStaysBoundedByRetentionOverInterval()
    {
        var time = new FakeTimeProvider(T0);
        var history = new HealthHistory(TimeSpan.FromHours(1), time);
        history.Register("subway", TimeSpan.FromSeconds(30));

        for (var i = 0; i < 10_000; i++)
        {
            time.Advance(TimeSpan.FromSeconds(30));
            history.Add("subway", Sample(time.GetUtcNow(), SourceHealthStatus.Healthy));
        }

        var (count, capacity) = history.Size("subway");
        Assert.Equal(122, capacity);
        Assert.Equal(capacity, count);
        // One hour back, both ends included.
        Assert.Equal(121, history.Query("subway", TimeSpan.FromMinutes(60), TimeSpan.FromHours(2)).Sum(w => w.Samples));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(120)]
    public void Query_WindowNotOffered_Throws(int minutes)
    {
        var history = new HealthHistory(TimeSpan.FromHours(24), new FakeTimeProvider(T0));
        history.Register("subway", TimeSpan.FromSeconds(30));

        Assert.Throws<ArgumentOutOfRangeException>(() => history.Query("subway", TimeSpan.FromMinutes(minutes), TimeSpan.FromHours(24)));
    }

    [Fact]
    public void Query_UnknownSourceOrBadSpan_Throws()
    {
        var history = new HealthHistory(TimeSpan.FromHours(24), new FakeTimeProvider(T0));
        history.Register("subway", TimeSpan.FromSeconds(30));

        Assert.Throws<ArgumentException>(() => history.Query("weather", TimeSpan.FromMinutes(5), TimeSpan.FromHours(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => history.Query("subway", TimeSpan.FromMinutes(5), TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => history.Query("subway", TimeSpan.FromMinutes(5), TimeSpan.FromDays(400)));
    }

    [Fact]
    public void Query_TwentyFourHoursOfHourWindows_GivesTwentyFourRowsOldestFirst()
    {
        var history = new HealthHistory(TimeSpan.FromHours(24), new FakeTimeProvider(T0));
        history.Register("subway", TimeSpan.FromSeconds(30));

        var windows = history.Query("subway", TimeSpan.FromMinutes(60), TimeSpan.FromHours(24));

        Assert.Equal(24, windows.Count);
        Assert.Equal(new DateTimeOffset(2025, 10, 2, 14, 0, 0, TimeSpan.Zero), windows[^1].Start);
        Assert.Equal(new DateTimeOffset(2025, 10, 1, 15, 0, 0, TimeSpan.Zero), windows[0].Start);
    }
}
