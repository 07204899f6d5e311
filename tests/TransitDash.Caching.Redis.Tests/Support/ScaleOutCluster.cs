using System.Text.Json;
using StackExchange.Redis;
using TransitDash.Simulator.Upstream;
using TransitDash.Testing;

namespace TransitDash.Caching.Redis.Tests.Support;

/// <summary>Three web host processes sharing one real Redis, polling one loopback upstream that serves a
/// recorded subway feed (new data at every poll: each poll makes a new version).</summary>
internal sealed class ScaleOutCluster : IAsyncDisposable
{
    public const string FeedPath = "/nyct%2Fgtfs-g";

    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(3);

    private readonly TempDirectory _folder;

    private ScaleOutCluster(RedisServer redis, LoopbackUpstream upstream, TempDirectory folder, WebReplica[] replicas)
    {
        Redis = redis;
        Upstream = upstream;
        _folder = folder;
        Replicas = replicas;
    }

    public RedisServer Redis { get; }

    public LoopbackUpstream Upstream { get; }

    public IReadOnlyList<WebReplica> Replicas { get; }

    public static async Task<ScaleOutCluster> StartAsync()
    {
        var feed = UpstreamBehavior.Fixture("mta/gtfs-g-20251002T142020Z.pb");
        var redis = await RedisServer.StartAsync();
        var upstream = await LoopbackUpstream.StartAsync(TestContext.Current.CancellationToken);
        upstream.Map(FeedPath, feed);
        var folder = new TempDirectory();
        var config = folder.Write("config.yaml", $"""
            TransitDash:
              Subway:
                PollInterval: 1s
                Feeds:
                  - Name: G
                    Url: {upstream.Url(FeedPath)}
                Stations:
                  - Name: Court Sq
                    StopIds: ["G22"]
              Health:
                StaleAfter: 10s
                ErrorAfter: 20s
              Resilience:
                AttemptTimeout: 1s
                Retries: 0
                MaxRequestsPerSecond: 1000
              Redis:
                Configuration: {redis.Configuration}
                LeaseDuration: 3s
            """);

        var starting = Enumerable.Range(0, 3).Select(_ => WebReplica.StartAsync(config)).ToArray();
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            // No cluster to dispose yet: what did start must not outlive the run.
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            await upstream.DisposeAsync();
            await redis.DisposeAsync();
            folder.Dispose();
            throw;
        }

        var cluster = new ScaleOutCluster(redis, upstream, folder, [.. starting.Select(t => t.Result)]);
        try
        {
            await Waits.Until(cluster.ReadyAsync, "three ready replicas, one of them polling");
            return cluster;
        }
        catch
        {
            // The test never gets the cluster to dispose: its processes must not outlive the run.
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The replica whose <c>/api/health</c> says it leads; null when none does (yet).</summary>
    public async Task<WebReplica?> LeaderAsync()
    {
        foreach (var replica in Replicas.Where(r => !r.HasExited))
        {
            if (await replica.HealthAsync() is { } health && Role(health) == "leader")
            {
                return replica;
            }
        }

        return null;
    }

    /// <summary>The subway version of the snapshot Redis holds; null when it holds none.</summary>
    public async Task<long?> RedisVersionAsync()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(Redis.Configuration);
        var version = await connection.GetDatabase().HashGetAsync("{transitdash}:snapshot:subway", "version");
        return (long?)version;
    }

    public static string? Role(JsonElement health) => health.GetProperty("replication").GetProperty("role").GetString();

    public static bool Reachable(JsonElement health) => health.GetProperty("replication").GetProperty("reachable").GetBoolean();

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in Replicas)
        {
            await replica.DisposeAsync();
        }

        await Upstream.DisposeAsync();
        await Redis.DisposeAsync();
        _folder.Dispose();
    }

    private async Task<bool> ReadyAsync()
    {
        foreach (var replica in Replicas)
        {
            Assert.False(replica.HasExited, $"a replica exited at start:\n{replica.Output}");
            using var ready = await replica.GetAsync("/healthz/ready");
            if (ready is not { IsSuccessStatusCode: true })
            {
                return false;
            }
        }

        return await LeaderAsync() is not null;
    }
}
