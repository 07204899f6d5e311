using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using TransitDash.Feeds;
using TransitDash.Health;
using TransitDash.Internal;
using TransitDash.Options;
using TransitDash.Replication;
using TransitDash.Snapshots;

namespace TransitDash.Caching.Redis.Tests.Support;

/// <summary>One replica in this process, wired as a host wires it (<c>AddTransitDash().AddSource(...)
/// .AddRedisSnapshots(...)</c>) but not started: the test drives its replicator's steps itself.</summary>
internal sealed class Replica : IAsyncDisposable
{
    public const string Source = "weather";

    private readonly ServiceProvider _provider;
    private int _disposed;

    private Replica(ServiceProvider provider)
    {
        _provider = provider;
        Replicator = provider.GetRequiredService<RedisSnapshotReplicator>();
        Store = provider.GetRequiredService<SnapshotStore>();
        History = provider.GetRequiredService<HealthHistory>();
        Logs = provider.GetFakeLogCollector();
        Time = provider.GetRequiredService<TimeProvider>();
    }

    public RedisSnapshotReplicator Replicator { get; }

    public SnapshotStore Store { get; }

    public HealthHistory History { get; }

    public FakeLogCollector Logs { get; }

    public TimeProvider Time { get; }

    public ReplicaRole Role => Replicator.Role;

    public FeedSnapshot<Weather> Snapshot => Store.Get<Weather>(Source)!;

    public static Replica Create(string name, string configuration, TimeProvider? time = null, Action<RedisSnapshotOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddLogging(logging => logging.AddFakeLogging());
        services.AddTransitDash(_ => { })
            .AddSource(Source, TimeSpan.FromSeconds(30), _ => Task.FromResult(new Weather("sunny", 20)))
            .AddRedisSnapshots(options =>
            {
                options.Configuration = configuration;
                options.ReplicaName = name;
                options.LeaseDuration = TimeSpan.FromSeconds(3);
                configure?.Invoke(options);
            });
        var provider = services.BuildServiceProvider();

        // Building the poller registers the sources in the store and the history, as starting the host would.
        _ = provider.GetServices<IHostedService>().ToArray();
        return new Replica(provider);
    }

    public Task<TimeSpan> StepAsync() => Replicator.StepAsync(TestContext.Current.CancellationToken);

    /// <summary>Steps until a step reached Redis. The client may report itself connected before its first
    /// command can go through; the replica's loop simply tries again, and so does this.</summary>
    public Task JoinAsync() => Waits.Until(
        async () =>
        {
            await StepAsync();
            return Replicator.GetStatus().Reachable;
        },
        $"replica {Replicator.GetStatus().Replica} to reach Redis");

    /// <summary>What the poller hands the replicator after one successful fetch of <paramref name="weather"/>.</summary>
    public ReplicatedSnapshot Fetched(Weather weather)
    {
        var now = Time.GetUtcNow();
        var previous = Store.GetMetadata(Source)!;
        var metadata = previous with
        {
            LastSuccess = now,
            LastAttempt = now,
            FetchCount = previous.FetchCount + 1,
            LastDuration = TimeSpan.FromMilliseconds(120),
        };
        var attempt = new FeedAttempt(now, Source, AttemptOutcome.Ok, 200, TimeSpan.FromMilliseconds(120), 42);
        return new ReplicatedSnapshot(metadata, weather, [attempt])
        {
            DataChanged = true,
            Sample = new HealthSample(now, SourceHealthStatus.Healthy, TimeSpan.FromMilliseconds(120), null),
        };
    }

    public Task PublishAsync(Weather weather) => Replicator.PublishAsync(Fetched(weather), TestContext.Current.CancellationToken);

    public IReadOnlyList<string> Messages(LogLevel level) =>
        Logs.GetSnapshot().Where(r => r.Level == level).Select(r => r.Message).ToArray();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await Replicator.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
    }
}
