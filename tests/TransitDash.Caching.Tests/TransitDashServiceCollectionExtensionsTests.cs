using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TransitDash.Caching.Tests.Support;
using TransitDash.Feeds;
using TransitDash.Feeds.Gbfs;
using TransitDash.Feeds.Http;
using TransitDash.Health;
using TransitDash.Options;
using TransitDash.Polling;
using TransitDash.Resilience;
using TransitDash.Simulator.Upstream;
using TransitDash.Snapshots;
using TransitDash.Sources;
using TransitDash.Testing;

namespace TransitDash.Caching.Tests;

public sealed partial class TransitDashServiceCollectionExtensionsTests
{
    private static readonly DateTimeOffset Start = new(2025, 10, 2, 14, 21, 0, TimeSpan.Zero);

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("TransitDash");

    private static Dictionary<string, string?> Minimal() => new()
    {
        ["TransitDash:Subway:Feeds:0:Name"] = "ACE",
        ["TransitDash:Subway:Feeds:0:Url"] = "http://127.0.0.1:1/ace",
        ["TransitDash:Subway:Stations:0:Name"] = "Fulton St",
        ["TransitDash:Subway:Stations:0:StopIds:0"] = "A38",
        ["TransitDash:Citibike:DiscoveryUrl"] = "http://127.0.0.1:1/gbfs.json",
    };

    /// <summary>A host with fake feed clients and a fake clock registered before AddTransitDash, so they win.</summary>
    private sealed class TestHost : IAsyncDisposable
    {
        private bool _started;

        public TestHost(Dictionary<string, string?> values, Action<ITransitDashBuilder>? configure = null, bool fakeClients = true)
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Logging.AddFakeLogging();
            builder.Services.AddMetrics();
            builder.Services.AddSingleton<TimeProvider>(Time);
            if (fakeClients)
            {
                Gtfs = new FakeGtfsRealtimeClient(Time);
                Gbfs = new FakeGbfsClient(Time);
                builder.Services.AddSingleton<IGtfsRealtimeClient>(Gtfs);
                builder.Services.AddSingleton<IGbfsClient>(Gbfs);
            }

            var transitDash = builder.Services.AddTransitDash(Section(values));
            configure?.Invoke(transitDash);
            builder.Services.AddHealthChecks().AddTransitDashChecks();
            Host = builder.Build();
        }

        public FakeTimeProvider Time { get; } = new(Start);

        public FakeGtfsRealtimeClient? Gtfs { get; }

        public FakeGbfsClient? Gbfs { get; }

        public IHost Host { get; }

        public SnapshotStore Store => Host.Services.GetRequiredService<SnapshotStore>();

        public string[] Messages(LogLevel level) =>
            Host.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Level == level).Select(r => r.Message).ToArray();

        public async Task StartAsync()
        {
            await Host.StartAsync(TestContext.Current.CancellationToken);
            _started = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (_started)
            {
                await Host.StopAsync(TestContext.Current.CancellationToken);
            }

            Host.Dispose();
        }
    }

    [Fact]
    public async Task AddTransitDash_BadOption_StopsStartNamingTheKeyAndNothingPolls()
    {
        var values = Minimal();
        values["TransitDash:Subway:PollInterval"] = "-5s";
        values["TransitDash:Health:ErrorAfter"] = "60s";
        await using var host = new TestHost(values);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(host.StartAsync);

        Assert.Contains("TransitDash:Subway:PollInterval: '-5s' is not a positive duration", error.Message, StringComparison.Ordinal);
        Assert.Contains("TransitDash:Health:ErrorAfter: '60s' is not longer than Health:StaleAfter ('90s')", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Failures.Count());
        Assert.Empty(host.Gtfs!.Calls);
        Assert.Equal(0, host.Gbfs!.CallCount);
    }

    [Fact]
    public async Task AddTransitDash_ActionOverload_IsValidatedAtStartToo()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddTransitDash(o => o.History.Retention = TimeSpan.Zero);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal("TransitDash:History:Retention: '0s' is not a positive duration", error.Message);
    }

    [Fact]
    public async Task AddTransitDash_HealthFirstAskedLater_UptimeCountsFromTheHostStart()
    {
        await using var host = new TestHost(Minimal());
        await host.StartAsync();

        host.Time.Advance(TimeSpan.FromMinutes(5));
        var monitor = host.Host.Services.GetRequiredService<HealthMonitor>();

        Assert.Equal(Start, monitor.StartedAt);
        Assert.Equal(TimeSpan.FromMinutes(5), monitor.Uptime);
    }

    [Fact]
    public void AddTransitDash_Twice_RegistersOnePollerAndOneOfEverything()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTransitDash(Section(Minimal()));
        services.AddTransitDash(Section(Minimal()));
        services.AddSingleton<IGtfsRealtimeClient>(new FakeGtfsRealtimeClient(TimeProvider.System));
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ImplementationType == typeof(TransitDashPoller));
        Assert.Single(provider.GetServices<IHostedService>().OfType<TransitDashPoller>());
        Assert.Single(services, d => d.ServiceType == typeof(SnapshotStore));
        Assert.Single(services, d => d.ServiceType == typeof(TimeProvider));
        Assert.Single(services, d => d.ImplementationType == typeof(TransitDashOptionsValidator));
        Assert.Single(services, d => d.ServiceType == typeof(FeedPipelines));
        Assert.Single(services, d => d.ServiceType == typeof(IFeedClient));
        Assert.Equal(2, provider.GetRequiredService<IOptions<TransitDashOptions>>().Value.Subway!.Feeds.Count + 1);
    }

    [Fact]
    public void AddTransitDash_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddTransitDash((IConfiguration)null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddTransitDash((Action<TransitDashOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddTransitDash(_ => { }));
    }

    [Fact]
    public void AddTransitDash_ClockStart_TimeProviderStartsThereAndAdvancesInRealTime()
    {
        var services = new ServiceCollection();
        services.AddTransitDash(Section(new() { ["TransitDash:ClockStart"] = "2019-09-15T00:01:00Z" }));
        using var provider = services.BuildServiceProvider();

        var time = provider.GetRequiredService<TimeProvider>();
        var first = time.GetUtcNow();
        var second = time.GetUtcNow();

        var start = new DateTimeOffset(2019, 9, 15, 0, 1, 0, TimeSpan.Zero);
        Assert.InRange(first, start, start.AddMinutes(5));
        Assert.True(second >= first);
    }

    [Fact]
    public async Task AddTransitDash_ClockRegisteredFirst_WinsOverClockStartAndSaysSo()
    {
        var values = Minimal();
        values["TransitDash:ClockStart"] = "2019-09-15T00:01:00Z";
        await using var host = new TestHost(values);

        await host.StartAsync();

        Assert.Same(host.Time, host.Host.Services.GetRequiredService<TimeProvider>());
        await Waits.Until(() => host.Messages(LogLevel.Warning).Any(m => m.Contains("ClockStart is set but a TimeProvider was registered before", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task StartAsync_FakeClients_FirstFetchesAtOnceAndReadinessWaitsForBothSources()
    {
        var release = new TaskCompletionSource<GbfsFetchResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = new TestHost(Minimal());
        host.Gbfs!.Handler = (_, _) => release.Task;
        var checks = host.Host.Services.GetRequiredService<HealthCheckService>();

        await host.StartAsync();
        await Waits.For(host.Gtfs!.Called);
        await Waits.For(host.Gbfs.Called);
        await Waits.Until(() => host.Store.GetMetadata("subway") is { HasData: true });
        var waiting = await checks.CheckHealthAsync(r => r.Tags.Contains(TransitDashHealthChecksBuilderExtensions.ReadyTag), TestContext.Current.CancellationToken);
        var live = await checks.CheckHealthAsync(r => r.Tags.Contains(TransitDashHealthChecksBuilderExtensions.LiveTag), TestContext.Current.CancellationToken);

        release.SetResult(host.Gbfs.Result(FakeGbfsClient.System(Start)));
        await Waits.Until(() => host.Store.GetMetadata("citibike") is { HasData: true });
        var ready = await checks.CheckHealthAsync(r => r.Tags.Contains(TransitDashHealthChecksBuilderExtensions.ReadyTag), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, waiting.Status);
        Assert.Contains("citibike", waiting.Entries[TransitDashHealthChecksBuilderExtensions.ReadinessCheckName].Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, live.Status);
        Assert.Equal(HealthStatus.Healthy, ready.Status);
        Assert.Equal(Start, host.Gtfs.Calls.Single().At);
        var report = host.Host.Services.GetRequiredService<HealthMonitor>().GetReport();
        Assert.Equal(OverallHealthStatus.Healthy, report.Status);
        Assert.Equal(["subway", "citibike"], report.Sources.Select(s => s.Source));
    }

    [Fact]
    public async Task StopAsync_HostWithAHangingFetch_StopsWithinTheGraceAndCancelsTheRequest()
    {
        await using var host = new TestHost(Minimal());
        CancellationToken requestToken = default;
        host.Gtfs!.On("ACE", async (_, ct) =>
        {
            requestToken = ct;
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        await host.StartAsync();
        await Waits.For(host.Gtfs.Called);

        // The fake clock stands still: a stop that waited for the grace period, or for the fetch, would hang here.
        await host.Host.StopAsync(CancellationToken.None).WaitAsync(Waits.Bound, TestContext.Current.CancellationToken);

        Assert.True(requestToken.IsCancellationRequested);
        Assert.Contains("Scheduler stopped", host.Messages(LogLevel.Information));
    }

    [Fact]
    public async Task AddSource_UserFunction_GetsCacheHealthAndHistory()
    {
        var calls = 0;
        await using var host = new TestHost(
            new() { ["TransitDash:Health:StaleAfter"] = "6m", ["TransitDash:Health:ErrorAfter"] = "12m" },
            builder => builder.AddSource("weather", TimeSpan.FromMinutes(5), _ => Task.FromResult(new[] { "sunny", $"call {Interlocked.Increment(ref calls)}" })));

        await host.StartAsync();
        await Waits.Until(() => host.Store.GetMetadata("weather") is { HasData: true });

        var snapshot = host.Store.Get<string[]>("weather")!;
        Assert.Equal(["sunny", "call 1"], snapshot.Data!);
        Assert.Equal(2, snapshot.Metadata.EntityCount);
        Assert.Equal(SourceHealthStatus.Healthy, host.Host.Services.GetRequiredService<HealthMonitor>().GetSource("weather")!.Status);
        Assert.Equal(1, host.Host.Services.GetRequiredService<HealthHistory>().Query("weather", TimeSpan.FromMinutes(5), TimeSpan.FromHours(1)).Sum(w => w.Samples));
        await Waits.Until(() => host.Messages(LogLevel.Information).Contains("weather: Fetched 2 items"));
        Assert.Contains("Scheduler started: weather every 5m", host.Messages(LogLevel.Information));
    }

    [Fact]
    public async Task AddTransitDashChecks_Twice_AddsEachCheckOnce()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTransitDash(_ => { });
        services.AddHealthChecks().AddTransitDashChecks().AddTransitDashChecks();
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, report.Entries.Count);
        Assert.Equal(HealthStatus.Healthy, report.Status);
    }

    [Fact]
    public async Task StartAsync_RealClientsOnRecordings_ServeArrivalsAndBikes()
    {
        var values = new Dictionary<string, string?>
        {
            ["TransitDash:Subway:StaticGtfs"] = Fixtures.Path("gtfs-static/stops.txt"),
            ["TransitDash:Subway:Stations:0:StopIds:0"] = "M23",
            ["TransitDash:Subway:Stations:1:Name"] = "Fulton St",
            ["TransitDash:Subway:Stations:1:StopIds:0"] = "A38",
            ["TransitDash:Subway:Stations:1:StopIds:1"] = "M22",
            ["TransitDash:Citibike:DiscoveryUrl"] = Fixtures.Path("citibike/v2.3/gbfs.json"),
            ["TransitDash:Citibike:Stations:0:Name"] = "w 25 st & 6 ave",
            ["TransitDash:Citibike:Stations:1:Id"] = "1794096976946852066",
            ["TransitDash:Citibike:Stations:2:Name"] = "Nowhere St",
        };
        string[] feeds = ["ace", "bdfm", "g", "jz", "l"];
        for (var i = 0; i < feeds.Length; i++)
        {
            values[$"TransitDash:Subway:Feeds:{i}:Name"] = feeds[i].ToUpperInvariant();
            values[$"TransitDash:Subway:Feeds:{i}:Url"] = Directory.GetFiles(Fixtures.Path("mta"), $"gtfs-{feeds[i]}-20251002T*.pb").Single();
        }

        await using var host = new TestHost(values, fakeClients: false);
        await host.StartAsync();
        await Waits.Until(() => host.Store.GetMetadata("subway") is { FetchCount: > 0 } && host.Store.GetMetadata("citibike") is { FetchCount: > 0 });

        var subway = host.Store.Get<SubwayBoard>("subway")!;
        var bikes = host.Store.Get<BikeBoard>("citibike")!;
        var report = host.Host.Services.GetRequiredService<HealthMonitor>().GetReport();

        Assert.Null(subway.Metadata.LastError);
        Assert.NotEmpty(subway.Data!.Arrivals);
        Assert.Equal(["Broad St", "Fulton St"], subway.Data.Stations.Select(s => s.Name));
        Assert.Contains(subway.Data.Arrivals, a => a.Station == "Broad St" && a.Line is "J" or "Z");
        Assert.All(subway.Data.Arrivals, a => Assert.Contains(a.Feed, feeds.Select(f => f.ToUpperInvariant())));
        Assert.Equal(5, subway.Metadata.Feeds.Count);
        Assert.Equal(["W 25 St & 6 Ave", "W 27 St & 6 Ave"], bikes.Data!.Stations.Select(s => s.Name));
        Assert.Equal(["Station 'Nowhere St' is not in the GBFS feed."], bikes.Metadata.Warnings);
        Assert.Equal(OverallHealthStatus.Healthy, report.Status);

        // Summary lines are written just after the snapshots the wait above saw.
        await Waits.Until(() => host.Messages(LogLevel.Information) is var lines && lines.Contains("Citibike: Fetched 2 stations") && lines.Any(m => SubwayLine().IsMatch(m)));
        Assert.Contains("Scheduler started: MTA every 30s, Citibike every 60s", host.Messages(LogLevel.Information));
    }

    [Fact]
    public async Task StartAsync_RealClientGetsAWebPage_AttemptSaysWhatArrivedAndWhyItWasRefused()
    {
        await using var upstream = await LoopbackUpstream.StartAsync(TestContext.Current.CancellationToken);
        upstream.Map("/ace", UpstreamBehavior.HtmlPage());
        var values = Minimal();
        values["TransitDash:Subway:Feeds:0:Url"] = upstream.Url("/ace");
        values.Remove("TransitDash:Citibike:DiscoveryUrl");
        await using var host = new TestHost(values, fakeClients: false);

        await host.StartAsync();
        await Waits.Until(() => host.Store.GetMetadata("subway") is { FetchCount: > 0 });

        var attempt = Assert.Single(host.Store.GetAttempts("subway"));
        Assert.Equal(("ACE", AttemptOutcome.Error, FeedErrorKind.BadContentType), (attempt.Feed, attempt.Outcome, attempt.ErrorKind!.Value));
        Assert.Equal(200, attempt.StatusCode);
        Assert.True(attempt.Bytes > 0);
        Assert.Equal(FeedCircuit.Closed, attempt.Circuit);
        Assert.Single(upstream.Requests);
    }

    [GeneratedRegex(@"^Subway: Fetched [1-9]\d* arrivals from [12] stations$")]
    private static partial Regex SubwayLine();
}
