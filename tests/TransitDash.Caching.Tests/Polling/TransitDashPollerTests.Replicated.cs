using TransitDash.Caching.Tests.Support;
using TransitDash.Polling;
using TransitDash.Replication;
using TransitDash.Snapshots;

namespace TransitDash.Caching.Tests.Polling;

public sealed partial class TransitDashPollerTests
{
    [Fact]
    public async Task RunReplicatedAsync_ColdStartLeader_PollsAtOnce()
    {
        using var harness = new PollingHarness(replicator: new FakeReplicator { Role = ReplicaRole.Leader });
        var source = new ScriptedSource<string>("weather", TimeSpan.FromSeconds(30), harness.Time) { Default = _ => Task.FromResult(PollResult.Success("sunny")) };
        var poller = harness.Poller(harness.Sources(PollingHarness.Registration(source)));

        await poller.StartAsync(CancellationToken.None);
        await Waits.For(source.Called);
        await poller.StopAsync(CancellationToken.None);

        Assert.Equal([PollingHarness.Start], source.Calls);
    }

    [Fact]
    public async Task RunReplicatedAsync_Follower_NeverPolls()
    {
        using var harness = new PollingHarness(replicator: new FakeReplicator { Role = ReplicaRole.Follower });
        var source = new ScriptedSource<string>("weather", TimeSpan.FromSeconds(4), harness.Time) { Default = _ => Task.FromResult(PollResult.Success("sunny")) };
        var poller = harness.Poller(harness.Sources(PollingHarness.Registration(source)));

        await poller.StartAsync(CancellationToken.None);
        for (var step = 0; step < 40; step++)
        {
            harness.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        await poller.StopAsync(CancellationToken.None);

        Assert.Empty(source.Calls);
    }
}
