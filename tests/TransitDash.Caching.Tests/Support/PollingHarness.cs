using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using TransitDash.Feeds.Http;
using TransitDash.Health;
using TransitDash.Internal;
using TransitDash.Options;
using TransitDash.Polling;
using TransitDash.Resilience;
using TransitDash.Snapshots;

namespace TransitDash.Caching.Tests.Support;

/// <summary>The poller's collaborators on a fake clock, with a fake logger and a meter factory of their own
/// (so parallel tests never see each other's measurements), and fake feed clients.</summary>
internal sealed class PollingHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 10, 2, 14, 20, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    public PollingHarness(TransitDashOptions? options = null, FakeReplicator? replicator = null)
    {
        // Retries wait on the fake clock, which a test calling a source directly never advances: they are off
        // unless a test turns them on.
        Options = options ?? new TransitDashOptions { Resilience = { Retries = 0 } };
        Time = new FakeTimeProvider(Start);
        Gtfs = new FakeGtfsRealtimeClient(Time);
        Gbfs = new FakeGbfsClient(Time);
        _provider = new ServiceCollection()
            .AddMetrics()
            .AddSingleton<IGtfsRealtimeClient>(Gtfs)
            .AddSingleton<IGbfsClient>(Gbfs)
            .AddSingleton<IFeedClient>(new FakeFeedClient())
            .BuildServiceProvider();
        MeterFactory = _provider.GetRequiredService<IMeterFactory>();
        Store = new SnapshotStore(Time);
        History = new HealthHistory(Options.History.Retention, Time);
        Evaluator = new FeedHealthEvaluator(Options.Health);
        Metrics = new TransitDashMetrics(MeterFactory, Store, Time);
        Logger = new FakeLogger();
        Pipelines = new FeedPipelines(Options.Resilience, Time, new LoggerFactory([new FakeLoggerProvider(Logger.Collector)]));
        Replicator = replicator;
        Services = new PollingServices(Store, History, Evaluator, Metrics, Pipelines, Time, Logger, replicator);
    }

    public TransitDashOptions Options { get; }

    public FakeTimeProvider Time { get; }

    public FakeGtfsRealtimeClient Gtfs { get; }

    public FakeGbfsClient Gbfs { get; }

    public IMeterFactory MeterFactory { get; }

    public SnapshotStore Store { get; }

    public HealthHistory History { get; }

    public FeedHealthEvaluator Evaluator { get; }

    public TransitDashMetrics Metrics { get; }

    public FakeLogger Logger { get; }

    public FeedPipelines Pipelines { get; }

    public PollingServices Services { get; }

    public FakeReplicator? Replicator { get; }

    public IServiceProvider Provider => _provider;

    public SourceRefresher<T> Refresher<T>(IPolledSource<T> source, string? title = null) =>
        new(source, title ?? source.Name, title ?? source.Name, Services);

    public SourceSet Sources(params SourceRegistration[] registrations) =>
        new(Microsoft.Extensions.Options.Options.Create(Options), registrations, Services, _provider);

    public TransitDashPoller Poller(SourceSet sources) =>
        new(sources, Time, Microsoft.Extensions.Options.Options.Create(Options), new FakeLogger<TransitDashPoller>(Logger.Collector), Replicator);

    public static SourceRegistration Registration<T>(IPolledSource<T> source) =>
        new(source.Name, source.PollInterval, (_, set) => set.Create(source, source.Name, source.Name));

    public IReadOnlyList<string> Messages(LogLevel level) =>
        Logger.Collector.GetSnapshot().Where(r => r.Level == level).Select(r => r.Message).ToArray();

    public void Dispose()
    {
        Metrics.Dispose();
        _provider.Dispose();
    }
}
