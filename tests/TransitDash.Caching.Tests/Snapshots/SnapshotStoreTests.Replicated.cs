using TransitDash.Feeds;
using TransitDash.Replication;
using TransitDash.Snapshots;

namespace TransitDash.Caching.Tests.Snapshots;

public sealed partial class SnapshotStoreTests
{
    private ReplicatedSnapshot Replicated(string source, Board? data, long version, int fetchCount = 1) =>
        new(new SnapshotMetadata(source) { Version = version, FetchCount = fetchCount, LastSuccess = _time.GetUtcNow(), LastAttempt = _time.GetUtcNow() }, data, [])
        {
            DataChanged = true,
        };

    [Fact]
    public void ApplyReplicated_AnotherReplicasSnapshot_IsServedAsItCame()
    {
        var store = new SnapshotStore(_time);
        store.Register<Board>("subway");
        var attempt = new FeedAttempt(_time.GetUtcNow(), "ACE", AttemptOutcome.Ok, 200, TimeSpan.FromMilliseconds(80), 1234);
        using var subscription = store.Subscribe();

        var applied = store.ApplyReplicated(Replicated("SUBWAY", new Board(7), version: 42, fetchCount: 9) with { Attempts = [attempt] });

        var snapshot = store.Get<Board>("subway")!;
        Assert.Same(applied, snapshot);
        Assert.Equal(new Board(7), snapshot.Data);
        Assert.Equal(42, snapshot.Version);
        Assert.Equal(9, snapshot.Metadata.FetchCount);
        Assert.Equal("subway", snapshot.Source);
        Assert.Equal([attempt], store.GetAttempts("subway"));
        Assert.True(subscription.Reader.TryRead(out var change));
        Assert.True(change.DataChanged);
    }

    [Fact]
    public void ApplyReplicated_ThenSetHere_TheNextVersionIsAboveTheReplicatedOne()
    {
        var store = new SnapshotStore(_time);
        store.Register<Board>("subway");
        store.ApplyReplicated(Replicated("subway", new Board(1), version: 500));

        var local = store.Set("subway", new Board(2));

        Assert.Equal(501, local.Version);
    }

    [Fact]
    public void ApplyReplicated_SameVersion_TellsSubscribersOnlyTheMetadataChanged()
    {
        var store = new SnapshotStore(_time);
        store.Register<Board>("subway");
        store.ApplyReplicated(Replicated("subway", new Board(1), version: 5));
        using var subscription = store.Subscribe();

        store.ApplyReplicated(Replicated("subway", new Board(1), version: 5, fetchCount: 2) with { DataChanged = false });

        Assert.True(subscription.Reader.TryRead(out var change));
        Assert.False(change.DataChanged);
        Assert.Equal(2, store.GetMetadata("subway")!.FetchCount);
    }

    [Fact]
    public void ApplyReplicated_UnregisteredSource_ThrowsNamingIt()
    {
        var store = new SnapshotStore(_time);

        var error = Assert.Throws<InvalidOperationException>(() => store.ApplyReplicated(Replicated("weather", new Board(1), version: 1)));

        Assert.Contains("'weather'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyReplicated_DataOfAnotherType_ThrowsAndKeepsTheSnapshot()
    {
        var store = new SnapshotStore(_time);
        store.Set("subway", new Board(1));
        var wrong = new ReplicatedSnapshot(new SnapshotMetadata("subway") { Version = 9 }, "not a board", []);

        var error = Assert.Throws<InvalidOperationException>(() => store.ApplyReplicated(wrong));

        Assert.Contains("Board", error.Message, StringComparison.Ordinal);
        Assert.Equal(new Board(1), store.Get<Board>("subway")!.Data);
    }
}
