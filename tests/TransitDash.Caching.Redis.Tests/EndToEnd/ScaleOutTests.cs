using System.Diagnostics;
using System.Net;
using System.Text.Json;
using TransitDash.Caching.Redis.Tests.Support;

namespace TransitDash.Caching.Redis.Tests.EndToEnd;

/// <summary>Three web host processes share one real Redis and poll one loopback upstream (a poll every second,
/// a lease of three): what a deployment of replicas behind a load balancer goes through.</summary>
[Collection(nameof(ScaleOutCollection))]
public sealed class ScaleOutTests
{
    private static readonly TimeSpan Interval = ScaleOutCluster.PollInterval;
    private static readonly TimeSpan Lease = ScaleOutCluster.LeaseDuration;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThreeReplicas_TheUpstreamSeesOnePollersRequestsNotThree()
    {
        await using var cluster = await ScaleOutCluster.StartAsync();
        var before = cluster.Upstream.RequestCount(ScaleOutCluster.FeedPath);

        await Task.Delay(TimeSpan.FromSeconds(5), Token);

        // One poller at one request a second makes about five; three would make about fifteen.
        var requests = cluster.Upstream.RequestCount(ScaleOutCluster.FeedPath) - before;
        Assert.InRange(requests, 3, 7);

        // Each replica counts its own requests: only the leader has ever made any, and they are all the upstream saw.
        var leader = await cluster.LeaderAsync();
        var counted = new Dictionary<WebReplica, long>();
        foreach (var replica in cluster.Replicas)
        {
            counted[replica] = await FetchAttemptsAsync(replica);
        }

        var total = cluster.Upstream.RequestCount(ScaleOutCluster.FeedPath);
        Assert.All(cluster.Replicas.Where(r => r != leader), r => Assert.Equal(0, counted[r]));
        Assert.InRange(counted[leader!], total - 1, total);
    }

    [Fact]
    public async Task NewSnapshot_AllThreeServeTheSameSubwayVersionWithinOneSecond()
    {
        await using var cluster = await ScaleOutCluster.StartAsync();
        var clock = Stopwatch.StartNew();
        var seen = cluster.Replicas.ToDictionary(r => r, _ => new List<(TimeSpan At, long Version)>());

        // Every replica's /api/subway version, about every 50 ms, for 6 s.
        while (clock.Elapsed < TimeSpan.FromSeconds(6))
        {
            await Task.WhenAll(cluster.Replicas.Select(async replica =>
            {
                var version = await replica.SubwayVersionAsync();
                Assert.NotNull(version);
                seen[replica].Add((clock.Elapsed, version.Value));
            }));
            await Task.Delay(50, Token);
        }

        // For each version, from when the first replica served it: when each served it (or a newer one).
        var versions = seen.Values.SelectMany(s => s).GroupBy(s => s.Version).Select(g => (Version: g.Key, First: g.Min(s => s.At))).ToArray();
        Assert.True(versions.Length >= 4, $"only {versions.Length} snapshots in 6 s");
        var slowest = TimeSpan.Zero;
        foreach (var (version, first) in versions.Where(v => v.First < clock.Elapsed - TimeSpan.FromSeconds(1.5)))
        {
            foreach (var (replica, samples) in seen)
            {
                var served = samples.First(s => s.Version >= version).At;
                slowest = served - first > slowest ? served - first : slowest;
                Assert.True(served - first <= TimeSpan.FromSeconds(1), $"version {version} reached replica {replica.Name} {(served - first).TotalMilliseconds:0} ms after the first replica served it");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{versions.Length} versions; the slowest reached every replica {slowest.TotalMilliseconds:0} ms after the first");
    }

    [Fact]
    public async Task KillTheLeader_AnotherPollsWithinTheLeasePlusOneInterval_AndDataStaysServed()
    {
        await using var cluster = await ScaleOutCluster.StartAsync();
        var leader = (await cluster.LeaderAsync())!;
        var survivors = cluster.Replicas.Where(r => r != leader).ToArray();

        var killedAt = DateTimeOffset.UtcNow;
        await leader.KillAsync();

        // Requests that reach the upstream after the process is gone are not its own.
        var gone = DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(100);
        var failures = new List<string>();
        DateTimeOffset? firstPoll = null;
        var deadline = killedAt + TimeSpan.FromSeconds(20);
        while (firstPoll is null && DateTimeOffset.UtcNow < deadline)
        {
            foreach (var survivor in survivors)
            {
                failures.AddRange(await ServingProblemsAsync(survivor));
            }

            firstPoll = cluster.Upstream.RequestsTo(ScaleOutCluster.FeedPath).Where(r => r.ReceivedAt > gone).Select(r => (DateTimeOffset?)r.ReceivedAt).Min();
            await Task.Delay(100, Token);
        }

        Assert.NotNull(firstPoll);
        TestContext.Current.TestOutputHelper?.WriteLine($"first poll {(firstPoll - killedAt)!.Value.TotalMilliseconds:0} ms after the kill");
        Assert.Empty(failures);
        Assert.True(firstPoll - killedAt <= Lease + Interval, $"the first poll after the kill came {(firstPoll - killedAt)!.Value.TotalMilliseconds:0} ms after it");
        var successor = await cluster.LeaderAsync();
        Assert.Contains(successor, survivors);
        foreach (var survivor in survivors)
        {
            var health = (await survivor.HealthAsync())!.Value;
            Assert.Equal(successor!.Name, health.GetProperty("replication").GetProperty("lease_holder").GetString());
        }
    }

    [Fact]
    public async Task StopRedis_ReplicasKeepServingAndSaySo_StartIt_TheyConverge()
    {
        await using var cluster = await ScaleOutCluster.StartAsync();
        var before = (await Task.WhenAll(cluster.Replicas.Select(r => r.SubwayVersionAsync()))).Max()!.Value;

        await cluster.Redis.StopAsync();
        var stoppedAt = DateTimeOffset.UtcNow;
        await Waits.Until(async () => (await HealthsAsync(cluster)).All(h => !ScaleOutCluster.Reachable(h)), "every replica to report Redis unreachable");

        // Past the lease nobody polls (PollWhenUnreachable is off), and all keep serving and stay ready.
        var quietFrom = stoppedAt + Lease + TimeSpan.FromMilliseconds(500);
        var failures = new List<string>();
        while (DateTimeOffset.UtcNow < quietFrom + TimeSpan.FromSeconds(2))
        {
            foreach (var replica in cluster.Replicas)
            {
                failures.AddRange(await ServingProblemsAsync(replica));
                using var ready = await replica.GetAsync("/healthz/ready");
                if (ready?.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{replica.Name}: /healthz/ready answered {ready?.StatusCode}");
                }
            }

            await Task.Delay(200, Token);
        }

        Assert.Empty(failures);
        Assert.DoesNotContain(cluster.Upstream.RequestsTo(ScaleOutCluster.FeedPath), r => r.ReceivedAt > quietFrom);
        foreach (var health in await HealthsAsync(cluster))
        {
            var replication = health.GetProperty("replication");
            Assert.False(replication.GetProperty("reachable").GetBoolean());
            Assert.True(replication.GetProperty("unreachable_seconds").GetInt64() >= 2);
            Assert.False(string.IsNullOrEmpty(replication.GetProperty("last_error").GetString()));
            Assert.NotEqual("leader", replication.GetProperty("role").GetString());
        }

        // Redis comes back empty: a replica takes the lease again, and all serve the same, newer versions.
        await cluster.Redis.StartAgainAsync();
        await Waits.Until(
            async () =>
            {
                var healths = await HealthsAsync(cluster);
                var versions = await Task.WhenAll(cluster.Replicas.Select(r => r.SubwayVersionAsync()));
                return healths.All(ScaleOutCluster.Reachable)
                    && healths.Count(h => ScaleOutCluster.Role(h) == "leader") == 1
                    && versions.Distinct().Count() == 1
                    && versions[0] > before;
            },
            "the replicas to converge on a newer version");
    }

    [Fact]
    public async Task PausedLeader_PastItsLease_NeverOverwritesTheNewerSnapshot()
    {
        await using var cluster = await ScaleOutCluster.StartAsync();
        var paused = (await cluster.LeaderAsync())!;
        var others = cluster.Replicas.Where(r => r != paused).ToArray();
        // Paused just after a publish, so that none is on its way in the moment between reading the count and the
        // pause (the next is a poll interval away): any publish counted after the resume came from the paused one.
        var published = await PublishedAsync(paused);
        var publishedBefore = published;
        await Waits.Until(async () => (publishedBefore = await PublishedAsync(paused)) > published, "the leader's next publish");

        paused.Pause();
        var pausedAt = Stopwatch.StartNew();
        var atPause = (await Task.WhenAll(others.Select(r => r.SubwayVersionAsync()))).Max()!.Value;

        // Another replica takes over and shares newer snapshots; the pause lasts well past the lease.
        await Waits.Until(
            async () => (await Task.WhenAll(others.Select(r => r.SubwayVersionAsync()))).All(v => v > atPause + 2) && pausedAt.Elapsed > Lease + Interval,
            "another replica to take over");
        var fetchCount = await FetchCountAsync(others[0]);
        var version = (await cluster.RedisVersionAsync())!.Value;

        paused.Resume();

        // What Redis holds, and what every replica serves, only moves forward: the resumed one never wrote.
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(4))
        {
            var now = (await cluster.RedisVersionAsync())!.Value;
            Assert.True(now >= version, $"Redis went back from version {version} to {now}");
            version = now;
            foreach (var replica in cluster.Replicas)
            {
                if (await FetchCountAsync(replica) is { } count && replica != paused)
                {
                    Assert.True(count >= fetchCount, $"{replica.Name} went back from fetch count {fetchCount} to {count}");
                }
            }

            await Task.Delay(100, Token);
        }

        Assert.Equal(publishedBefore, await PublishedAsync(paused));
        Assert.Contains("lost the poller's lease", paused.Output, StringComparison.Ordinal);
        await Waits.Until(
            async () =>
            {
                var versions = await Task.WhenAll(cluster.Replicas.Select(r => r.SubwayVersionAsync()));
                return versions.Distinct().Count() == 1 && await paused.HealthAsync() is { } health && ScaleOutCluster.Role(health) == "follower";
            },
            "the resumed replica to follow and serve what the others serve");
    }

    private static async Task<JsonElement[]> HealthsAsync(ScaleOutCluster cluster) =>
        (await Task.WhenAll(cluster.Replicas.Select(r => r.HealthAsync()))).Select(h => h!.Value).ToArray();

    private static async Task<long?> FetchCountAsync(WebReplica replica) =>
        await replica.HealthAsync() is { } health ? health.GetProperty("subway").GetProperty("fetch_count").GetInt64() : null;

    /// <summary>What is wrong with a replica's <c>/api/subway</c>: nothing while it answers 200 with data.</summary>
    private static async Task<IEnumerable<string>> ServingProblemsAsync(WebReplica replica)
    {
        using var response = await replica.GetAsync("/api/subway");
        if (response?.StatusCode != HttpStatusCode.OK)
        {
            return [$"{replica.Name}: /api/subway answered {response?.StatusCode.ToString() ?? "nothing"}"];
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        return body.RootElement.GetProperty("success").GetBoolean() ? [] : [$"{replica.Name}: /api/subway said success: false"];
    }

    /// <summary>The requests a replica itself made to the feed, from its <c>/metrics</c>.</summary>
    private static Task<long> FetchAttemptsAsync(WebReplica replica) => MetricAsync(replica, "transitdash_fetch_attempts_total{", "feed=\"G\"");

    /// <summary>The snapshots a replica shared through Redis, from its <c>/metrics</c>.</summary>
    private static Task<long> PublishedAsync(WebReplica replica) => MetricAsync(replica, "transitdash_redis_published_total{", "outcome=\"ok\"");

    private static async Task<long> MetricAsync(WebReplica replica, string name, string label)
    {
        using var response = await replica.GetAsync("/metrics");
        Assert.NotNull(response);
        var text = await response.Content.ReadAsStringAsync(Token);
        return text.Split('\n')
            .Where(line => line.StartsWith(name, StringComparison.Ordinal) && line.Contains(label, StringComparison.Ordinal))
            .Sum(line => long.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
