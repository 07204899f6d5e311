using TransitDash.Caching.Tests.Support;
using TransitDash.Polling;
using TransitDash.Replication;
using TransitDash.Snapshots;

namespace TransitDash.Caching.Tests.Polling;

public sealed class ReplicatedCadenceTests : IDisposable
{
    private readonly FakeReplicator _replicator = new() { Role = ReplicaRole.Follower };
    private readonly PollingHarness _harness;
    private readonly ScriptedSource<string> _source;
    private readonly ReplicatedCadence _cadence;

    public ReplicatedCadenceTests()
    {
        _harness = new PollingHarness(replicator: _replicator);
        _source = new ScriptedSource<string>("weather", TimeSpan.FromSeconds(20), _harness.Time) { Default = _ => Task.FromResult(PollResult.Success("sunny")) };
        _cadence = new ReplicatedCadence(_harness.Refresher(_source), _replicator, _harness.Time);
    }

    public void Dispose() => _harness.Dispose();

    /// <summary>Looks once per check for <paramref name="seconds"/>, letting each fetch end before the clock moves.</summary>
    private async Task LookFor(int seconds)
    {
        for (var look = 0; look < seconds; look++)
        {
            if (_cadence.Look(CancellationToken.None) is { } fetch)
            {
                await fetch;
            }

            _harness.Time.Advance(_cadence.Check);
        }
    }

    [Fact]
    public void Check_LongInterval_IsOneSecond_ShortInterval_IsAQuarterOfIt()
    {
        var shortSource = new ScriptedSource<string>("fast", TimeSpan.FromSeconds(2), _harness.Time);

        Assert.Equal(TimeSpan.FromSeconds(1), _cadence.Check);
        Assert.Equal(TimeSpan.FromMilliseconds(500), new ReplicatedCadence(_harness.Refresher(shortSource), _replicator, _harness.Time).Check);
    }

    [Fact]
    public async Task Look_NewLeader_PollsWhenThePreviousLeadersFetchIsDueThenEveryInterval()
    {
        var start = PollingHarness.Start;

        // The previous leader's last fetch started 5 s before this replica's first look, and lasted 1 s.
        _harness.Store.ApplyReplicated(new ReplicatedSnapshot(
            new SnapshotMetadata("weather") { Version = 3, LastAttempt = start.AddSeconds(-4), LastSuccess = start.AddSeconds(-4), LastDuration = TimeSpan.FromSeconds(1) },
            "cloudy",
            []));
        await LookFor(8);
        _replicator.Role = ReplicaRole.Leader;
        await LookFor(52);

        Assert.Equal([start.AddSeconds(15), start.AddSeconds(35), start.AddSeconds(55)], _source.Calls);
    }

    [Fact]
    public async Task Look_ColdStartLeader_PollsAtOnce()
    {
        _replicator.Role = ReplicaRole.Leader;

        await LookFor(1);

        Assert.Equal([PollingHarness.Start], _source.Calls);
    }

    [Fact]
    public async Task Look_Follower_NeverPolls()
    {
        await LookFor(60);

        Assert.Empty(_source.Calls);
    }

    [Fact]
    public async Task Look_SharedSnapshotNeverAdvances_PollsOncePerIntervalNotAtEveryLook()
    {
        // What the leader hands over is never shared (the fake replicator drops it, as when Redis is down
        // within the lease), so the shared snapshot stays an hour old and is due at every look.
        _replicator.Role = ReplicaRole.Leader;
        _harness.Store.ApplyReplicated(new ReplicatedSnapshot(new SnapshotMetadata("weather") { Version = 1, LastAttempt = PollingHarness.Start.AddHours(-1) }, "old", []));

        await LookFor(40);

        Assert.Equal([PollingHarness.Start, PollingHarness.Start.AddSeconds(20)], _source.Calls);
        Assert.Equal(2, _replicator.Published.Count);
    }

    [Fact]
    public async Task Look_FetchStillRunningAfterAnInterval_TicksOnceAndTheTickIsCountedAsSkipped()
    {
        _replicator.Role = ReplicaRole.Leader;
        var release = new TaskCompletionSource<PollResult<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var source = new ScriptedSource<string>("slow", TimeSpan.FromSeconds(20), _harness.Time).Then(_ => release.Task);
        var refresher = _harness.Refresher(source);
        var cadence = new ReplicatedCadence(refresher, _replicator, _harness.Time);

        var first = cadence.Look(CancellationToken.None);
        await Waits.For(source.Called);
        for (var look = 0; look < 30; look++)
        {
            _harness.Time.Advance(cadence.Check);
            Assert.Null(cadence.Look(CancellationToken.None));
        }

        release.SetResult(PollResult.Success("done"));
        await first!;

        Assert.Single(source.Calls);
        Assert.Equal(1, refresher.SkippedTicks);
    }
}
