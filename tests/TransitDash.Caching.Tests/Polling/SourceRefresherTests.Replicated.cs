using TransitDash.Caching.Tests.Support;
using TransitDash.Health;
using TransitDash.Polling;
using TransitDash.Replication;

namespace TransitDash.Caching.Tests.Polling;

public sealed partial class SourceRefresherTests
{
    [Fact]
    public void Tick_Follower_DoesNotFetchNorCountASkip()
    {
        using var harness = new PollingHarness(replicator: new FakeReplicator { Role = ReplicaRole.Follower });
        var source = new ScriptedSource<string>("weather", TimeSpan.FromSeconds(30), harness.Time).ThenData("sunny");
        var refresher = harness.Refresher(source);

        var fetch = refresher.Tick(CancellationToken.None);

        Assert.Null(fetch);
        Assert.Empty(source.Calls);
        Assert.Equal(0, refresher.SkippedTicks);
    }

    [Fact]
    public async Task RefreshAsync_Leader_HandsTheNextSnapshotToTheReplicatorInsteadOfApplyingIt()
    {
        var replicator = new FakeReplicator { Role = ReplicaRole.Leader };
        using var harness = new PollingHarness(replicator: replicator);
        var source = new ScriptedSource<string>("weather", TimeSpan.FromSeconds(30), harness.Time).ThenData("sunny");
        var refresher = harness.Refresher(source);

        await refresher.RefreshAsync(CancellationToken.None);

        var shared = Assert.Single(replicator.Published);
        Assert.Equal("sunny", shared.Data);
        Assert.True(shared.DataChanged);
        Assert.Equal(0, shared.Metadata.Version);
        Assert.Equal(1, shared.Metadata.FetchCount);
        Assert.Equal(harness.Time.GetUtcNow(), shared.Metadata.LastSuccess);
        Assert.Equal("weather", Assert.Single(shared.Attempts).Feed);
        Assert.Equal(SourceHealthStatus.Healthy, shared.Sample!.Value.Status);

        // Applied only by the replicator, with the version it assigns.
        Assert.False(harness.Store.Get<string>("weather")!.HasData);
    }

    [Fact]
    public async Task RefreshAsync_Isolated_AppliesHereAsWithoutReplicas()
    {
        var replicator = new FakeReplicator { Role = ReplicaRole.Isolated };
        using var harness = new PollingHarness(replicator: replicator);
        var source = new ScriptedSource<string>("weather", TimeSpan.FromSeconds(30), harness.Time).ThenData("sunny");
        var refresher = harness.Refresher(source);

        await refresher.RefreshAsync(CancellationToken.None);

        Assert.Empty(replicator.Published);
        Assert.Equal("sunny", harness.Store.Get<string>("weather")!.Data);
    }

    [Fact]
    public async Task RefreshAsync_LeaseLostWhileFetching_DropsWhatTheFetchBrought()
    {
        var replicator = new FakeReplicator { Role = ReplicaRole.Leader };
        using var harness = new PollingHarness(replicator: replicator);
        var source = new ScriptedSource<string>("weather", TimeSpan.FromSeconds(30), harness.Time).Then(_ =>
        {
            replicator.Role = ReplicaRole.Follower;
            return Task.FromResult(PollResult.Success("late"));
        });
        var refresher = harness.Refresher(source);

        await refresher.RefreshAsync(CancellationToken.None);

        Assert.Empty(replicator.Published);
        Assert.False(harness.Store.Get<string>("weather")!.HasData);
    }
}
