using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using TransitDash.Caching.Redis.Tests.Support;
using TransitDash.Replication;

namespace TransitDash.Caching.Redis.Tests.Internal;

public sealed class RedisSnapshotReplicatorTests : IAsyncLifetime
{
    private readonly List<Replica> _replicas = [];
    private RedisServer _redis = null!;

    public async ValueTask InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }

        await _redis.DisposeAsync();
    }

    private Replica Replica(string name, TimeProvider? time = null, Action<TransitDash.Options.RedisSnapshotOptions>? configure = null)
    {
        var replica = Support.Replica.Create(name, _redis.Configuration, time, configure);
        _replicas.Add(replica);
        return replica;
    }

    /// <summary>Replica a, which takes the lease, and replica b, which follows it, both listening.</summary>
    private async Task<(Replica A, Replica B)> LeaderAndFollowerAsync()
    {
        var (a, b) = (Replica("a"), Replica("b"));
        await a.JoinAsync();
        await b.JoinAsync();
        await ListeningAsync(2);
        return (a, b);
    }

    /// <summary>Waits until Redis counts this many subscribers to the change channel. The client's subscribe
    /// may return before Redis has it (a replica's loop catches up on what it missed; these tests drive no
    /// loop), so a test that wants a message delivered waits for the subscription first.</summary>
    private async Task ListeningAsync(int replicas)
    {
        await using var redis = await InspectAsync();
        await Waits.Until(
            async () => await redis.GetSubscriber().PublishAsync(RedisChannel.Literal("{transitdash}:changes"), "probe 0") >= replicas,
            $"{replicas} replicas to listen for changes");
    }

    /// <summary>Has the leader share a snapshot and waits until the follower serves it.</summary>
    private static async Task ShareAsync(Replica leader, Replica follower, Weather weather)
    {
        await leader.PublishAsync(weather);
        await Waits.Until(() => follower.Snapshot.Data == weather, "the follower to apply the snapshot");
    }

    private async Task<IConnectionMultiplexer> InspectAsync() => await ConnectionMultiplexer.ConnectAsync(_redis.Configuration);

    [Fact]
    public async Task StepAsync_TwoReplicas_OneTakesTheLeaseAndTheOtherFollows()
    {
        var (a, b) = await LeaderAndFollowerAsync();

        Assert.Equal(ReplicaRole.Leader, a.Role);
        Assert.Equal(ReplicaRole.Follower, b.Role);
        var status = b.Replicator.GetStatus();
        Assert.Equal("a", status.LeaseHolder);
        Assert.True(status.Reachable);
        Assert.Null(status.UnreachableFor);
        Assert.Equal("a", a.Replicator.GetStatus().LeaseHolder);
        Assert.Contains(a.Messages(LogLevel.Information), m => m.StartsWith("Replica a took the poller's lease", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_Leader_EveryReplicaServesTheSameVersionAttemptsAndHistory()
    {
        var (a, b) = await LeaderAndFollowerAsync();

        await ShareAsync(a, b, new Weather("sunny", 21));

        Assert.True(a.Snapshot.Version > 0);
        Assert.Equal(a.Snapshot.Version, b.Snapshot.Version);
        Assert.Equal(new Weather("sunny", 21), b.Snapshot.Data);
        Assert.Equal(a.Snapshot.Metadata.FetchCount, b.Snapshot.Metadata.FetchCount);
        Assert.Equal(a.Store.GetAttempts(Support.Replica.Source), b.Store.GetAttempts(Support.Replica.Source));
        Assert.Single(b.Store.GetAttempts(Support.Replica.Source));
        var window = b.History.Query(Support.Replica.Source, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5)).Single();
        Assert.Equal(1, window.Samples);
        Assert.Equal(100, window.HealthyPercent);
    }

    [Fact]
    public async Task StepAsync_ReplicaStartedLater_ReadsTheSnapshotAttemptsAndHistoryAlreadyShared()
    {
        var a = Replica("a");
        await a.JoinAsync();
        await a.PublishAsync(new Weather("sunny", 21));
        await a.PublishAsync(new Weather("rain", 14));

        var late = Replica("late");
        await late.JoinAsync();

        Assert.Equal(a.Snapshot.Version, late.Snapshot.Version);
        Assert.Equal(new Weather("rain", 14), late.Snapshot.Data);
        Assert.Equal(2, late.Store.GetAttempts(Support.Replica.Source).Count);
        Assert.Equal(2, late.History.Query(Support.Replica.Source, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5)).Single().Samples);
    }

    [Fact]
    public async Task PublishAsync_LeaderWhoseLeaseWasTaken_IsFencedAndNeverOverwritesTheNewerSnapshot()
    {
        var (a, b) = await LeaderAndFollowerAsync();
        await ShareAsync(a, b, new Weather("sunny", 21));

        // a stops answering (paused) past its lease: Redis lets the lease go and b takes it.
        await using (var redis = await InspectAsync())
        {
            await redis.GetDatabase().KeyDeleteAsync("{transitdash}:lease");
        }

        await b.StepAsync();
        Assert.Equal(ReplicaRole.Leader, b.Role);
        await b.PublishAsync(new Weather("snow", -2));
        var newer = b.Snapshot.Version;

        // a wakes up still believing it leads (its clock did not see the pause) and shares what it fetched.
        Assert.Equal(ReplicaRole.Leader, a.Role);
        await a.PublishAsync(new Weather("stale", 99));

        Assert.Equal(ReplicaRole.Follower, a.Role);
        Assert.Contains("weather: the snapshot was not shared: the lease was lost before it was written, and Redis refused it", a.Messages(LogLevel.Warning));
        await using (var redis = await InspectAsync())
        {
            Assert.Equal(newer, (long)await redis.GetDatabase().HashGetAsync("{transitdash}:snapshot:weather", "version"));
        }

        await a.StepAsync();
        Assert.Equal(newer, a.Snapshot.Version);
        Assert.Equal(new Weather("snow", -2), a.Snapshot.Data);
    }

    [Fact]
    public async Task ApplyFromRedis_NewerSchema_KeepsTheCopyHeldAndLogsOnce()
    {
        var (a, b) = await LeaderAndFollowerAsync();
        await ShareAsync(a, b, new Weather("sunny", 21));
        var held = b.Snapshot;

        // A newer version of the package writes a schema this one does not know, twice.
        await using (var redis = await InspectAsync())
        {
            var database = redis.GetDatabase();
            for (var revision = 100; revision <= 101; revision++)
            {
                await database.HashSetAsync("{transitdash}:snapshot:weather", [new("rev", revision), new("version", revision), new("body", """{"schema":2,"frames":[]}""")]);
                await redis.GetSubscriber().PublishAsync(RedisChannel.Literal("{transitdash}:changes"), $"weather {revision}");
            }
        }

        await Waits.Until(
            () => b.Messages(LogLevel.Warning).Any(m => m.Contains("schema 2", StringComparison.Ordinal)),
            "the follower to meet the newer schema");
        await b.StepAsync();

        Assert.Same(held, b.Snapshot);
        Assert.Single(b.Messages(LogLevel.Warning), m => m.Contains("schema 2", StringComparison.Ordinal));
        Assert.Contains("weather: Redis holds a snapshot in schema 2, newer than this version reads (1); keeping the copy held until this replica is upgraded", b.Messages(LogLevel.Warning));
    }

    [Fact]
    public async Task ApplyFromRedis_DamagedBody_KeepsTheCopyHeldAndSaysWhy()
    {
        var (a, b) = await LeaderAndFollowerAsync();
        await ShareAsync(a, b, new Weather("sunny", 21));
        var held = b.Snapshot;

        await using (var redis = await InspectAsync())
        {
            // Written as a leader would, but damaged; its change message is lost, so b finds it by catching up.
            await redis.GetDatabase().HashSetAsync("{transitdash}:snapshot:weather", [new("rev", 100), new("version", 100), new("body", "{\"schema\":1,\"type\":")]);
            await redis.GetDatabase().StringSetAsync("{transitdash}:rev", 100);
        }

        await b.StepAsync();

        Assert.Same(held, b.Snapshot);
        Assert.Contains(b.Messages(LogLevel.Warning), m => m.StartsWith("weather: the snapshot in Redis could not be read (", StringComparison.Ordinal));
        Assert.True(b.Replicator.GetStatus().Reachable);
    }

    [Fact]
    public async Task StepAsync_RedisNotUpYet_FollowsAndSaysSo_ThenConnectsWhenItIsUp()
    {
        await using var later = RedisServer.NotStarted();
        await using var a = Support.Replica.Create("a", later.Configuration);

        await a.StepAsync();

        Assert.Equal(ReplicaRole.Follower, a.Role);
        var status = a.Replicator.GetStatus();
        Assert.False(status.Reachable);
        Assert.NotNull(status.LastError);
        Assert.NotNull(status.UnreachableFor);
        Assert.Null(status.LastContact);
        Assert.Single(a.Messages(LogLevel.Warning), m => m.StartsWith("Redis is unreachable", StringComparison.Ordinal));

        await later.StartAgainAsync();
        await Waits.Until(async () => { await a.StepAsync(); return a.Role == ReplicaRole.Leader; }, "the replica to connect and take the lease");

        Assert.True(a.Replicator.GetStatus().Reachable);
    }

    [Fact]
    public async Task StopAsync_Leader_ReleasesTheLeaseSoAnotherTakesItAtOnce()
    {
        var (a, b) = await LeaderAndFollowerAsync();
        Assert.Equal(ReplicaRole.Follower, b.Role);

        await a.DisposeAsync();
        await b.StepAsync();

        Assert.Equal(ReplicaRole.Leader, b.Role);
        Assert.Contains("Released the poller's lease on shutdown: another replica takes over at once", a.Messages(LogLevel.Information));
    }

    [Fact]
    public async Task Role_LeaderCutOffFromRedis_StopsLeadingOnceItsLeaseRunsOut()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var a = Replica("a", time);
        await a.JoinAsync();
        Assert.Equal(ReplicaRole.Leader, a.Role);

        await _redis.StopAsync();
        await a.StepAsync();
        time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.Equal(ReplicaRole.Leader, a.Role);
        time.Advance(TimeSpan.FromSeconds(0.2));

        Assert.Equal(ReplicaRole.Follower, a.Role);
        Assert.False(a.Replicator.GetStatus().Reachable);
    }

    [Theory]
    [InlineData(false, ReplicaRole.Follower)]
    [InlineData(true, ReplicaRole.Isolated)]
    public async Task Role_UnreachableLongerThanTheLease_PollsAloneOnlyWhenConfigured(bool pollWhenUnreachable, ReplicaRole expected)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var nowhere = RedisServer.NotStarted();
        await using var a = Support.Replica.Create("a", nowhere.Configuration, time, o => o.PollWhenUnreachable = pollWhenUnreachable);
        await a.StepAsync();

        time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.Equal(ReplicaRole.Follower, a.Role);
        time.Advance(TimeSpan.FromSeconds(0.2));

        Assert.Equal(expected, a.Role);
        Assert.Equal(TimeSpan.FromSeconds(3.1), a.Replicator.GetStatus().UnreachableFor);
    }

    [Fact]
    public async Task PublishAsync_AfterRedisRestartedEmpty_VersionsKeepGrowing()
    {
        var (a, b) = await LeaderAndFollowerAsync();
        for (var i = 0; i < 5; i++)
        {
            await ShareAsync(a, b, new Weather("sunny", i));
        }
        var before = a.Snapshot.Version;

        await _redis.StopAsync();
        await _redis.StartAgainAsync();
        await Waits.Until(async () => { await b.StepAsync(); return b.Role == ReplicaRole.Leader; }, "a replica to take the lease Redis forgot");
        await Waits.Until(async () => { await a.StepAsync(); return a.Replicator.GetStatus().Reachable; }, "the old leader to reconnect");
        await ListeningAsync(2);
        await b.PublishAsync(new Weather("fog", 9));

        await Waits.Until(() => a.Snapshot.Data == new Weather("fog", 9), "the old leader to apply the new leader's snapshot");
        Assert.True(b.Snapshot.Version > before, $"version {b.Snapshot.Version} is not above {before}");
        Assert.Equal(b.Snapshot.Version, a.Snapshot.Version);
        Assert.Equal(ReplicaRole.Follower, a.Role);
    }
}
