using Microsoft.Extensions.Time.Testing;
using TransitDash.Feeds;
using TransitDash.Snapshots;

namespace TransitDash.Caching.Tests.Snapshots;

public sealed partial class SnapshotStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 10, 2, 14, 20, 0, TimeSpan.Zero));

    private sealed record Board(int Number);

    [Fact]
    public void Get_RegisteredSourceWithoutData_HasMetadataButNoData()
    {
        var store = new SnapshotStore(_time);
        store.Register<Board>("subway");

        var snapshot = store.Get<Board>("subway");

        Assert.NotNull(snapshot);
        Assert.False(snapshot.HasData);
        Assert.Null(snapshot.Data);
        Assert.Equal(0, snapshot.Version);
        Assert.Equal("subway", Assert.Single(store.GetAllMetadata()).Source);
    }

    [Fact]
    public void Get_UnknownSource_IsNull()
    {
        var store = new SnapshotStore(_time);

        Assert.Null(store.Get("nowhere"));
        Assert.Null(store.Get<Board>("nowhere"));
        Assert.Empty(store.GetAttempts("nowhere"));
    }

    [Fact]
    public void Set_NewData_PublishesItWithMetadata()
    {
        var store = new SnapshotStore(_time);

        var snapshot = store.Set("subway", new Board(1));

        Assert.Equal(new Board(1), store.Get<Board>("SUBWAY")!.Data);
        Assert.True(snapshot.HasData);
        Assert.Equal(_time.GetUtcNow(), snapshot.Metadata.LastSuccess);
        Assert.Equal(_time.GetUtcNow(), snapshot.Metadata.LastAttempt);
        Assert.Equal(1, snapshot.Metadata.FetchCount);
        Assert.Equal(0, snapshot.Metadata.ErrorCount);
        Assert.Null(snapshot.Metadata.LastError);
    }

    [Fact]
    public void Set_EveryNewSnapshot_ChangesTheVersion()
    {
        var store = new SnapshotStore(_time);

        var versions = Enumerable.Range(0, 5).Select(i => store.Set(i % 2 == 0 ? "subway" : "citibike", new Board(1)).Version).ToArray();

        Assert.Equal(5, versions.Distinct().Count());
        Assert.True(versions.SequenceEqual(versions.Order()));
    }

    [Fact]
    public void RecordError_AnyNumberOfFailures_KeepsTheLastGoodDataAndCountsExactly()
    {
        var store = new SnapshotStore(_time);
        var good = store.Set("citibike", new Board(7));

        for (var i = 0; i < 25; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(60));
            store.RecordError("citibike", FeedErrorKind.Http5xx, $"Feed 'citibike' answered HTTP 503 (attempt {i}).");
        }

        var snapshot = store.Get<Board>("citibike")!;
        Assert.Same(good.Data, snapshot.Data);
        Assert.Equal(good.Version, snapshot.Version);
        Assert.Equal(good.Metadata.LastSuccess, snapshot.Metadata.LastSuccess);
        Assert.Equal(26, snapshot.Metadata.FetchCount);
        Assert.Equal(25, snapshot.Metadata.ErrorCount);
        Assert.Equal(25, snapshot.Metadata.ConsecutiveFailures);
        Assert.Equal(FeedErrorKind.Http5xx, snapshot.Metadata.LastError!.Kind);
        Assert.Equal("Feed 'citibike' answered HTTP 503 (attempt 24).", snapshot.Metadata.LastError.Message);
        Assert.Equal(_time.GetUtcNow(), snapshot.Metadata.LastAttempt);
    }

    [Fact]
    public void Set_AfterFailures_ClearsTheErrorAndTheRunOfFailures()
    {
        var store = new SnapshotStore(_time);
        store.Set("citibike", new Board(1));
        store.RecordError("citibike", FeedErrorKind.Timeout, "timed out");
        store.RecordError("citibike", FeedErrorKind.Timeout, "timed out");

        var snapshot = store.Set("citibike", new Board(2));

        Assert.Null(snapshot.Metadata.LastError);
        Assert.Equal(0, snapshot.Metadata.ConsecutiveFailures);
        Assert.Equal(2, snapshot.Metadata.ErrorCount);
        Assert.Equal(4, snapshot.Metadata.FetchCount);
    }

    [Fact]
    public void RecordError_UnregisteredSource_ThrowsNamingIt()
    {
        var store = new SnapshotStore(_time);

        var error = Assert.Throws<InvalidOperationException>(() => store.RecordError("ghost", FeedErrorKind.Unknown, "x"));

        Assert.Contains("'ghost'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_WrongType_ThrowsNamingBothTypes()
    {
        var store = new SnapshotStore(_time);
        store.Set("subway", new Board(1));

        var error = Assert.Throws<InvalidOperationException>(() => store.Get<string>("subway"));

        Assert.Equal("Source 'subway' holds Board, not String.", error.Message);
    }

    [Fact]
    public void Apply_AttemptsWithFeeds_KeepsPerFeedFiguresAndRecentAttemptsNewestFirst()
    {
        var store = new SnapshotStore(_time);
        var t0 = _time.GetUtcNow();
        store.Apply<Board>("subway", new SnapshotUpdate(t0)
        {
            HasData = true,
            Data = new Board(1),
            Attempts =
            [
                new FeedAttempt(t0, "ACE", AttemptOutcome.Ok, 200, TimeSpan.FromMilliseconds(40), 1000) { UpstreamTime = t0.AddSeconds(-5) },
                new FeedAttempt(t0, "G", AttemptOutcome.Error, 503, TimeSpan.FromMilliseconds(10), null, FeedErrorKind.Http5xx, "Feed 'G' answered HTTP 503."),
            ],
        });
        var t1 = t0.AddSeconds(30);
        store.Apply<Board>("subway", new SnapshotUpdate(t1)
        {
            HasData = true,
            Data = new Board(2),
            Attempts =
            [
                new FeedAttempt(t1, "ACE", AttemptOutcome.NotModified, 304, TimeSpan.FromMilliseconds(20), 0),
                new FeedAttempt(t1, "G", AttemptOutcome.Error, null, TimeSpan.FromSeconds(10), null, FeedErrorKind.Timeout, "Feed 'G' did not answer within 10 s."),
            ],
        });

        var feeds = store.GetMetadata("subway")!.Feeds;
        var ace = feeds.Single(f => f.Feed == "ACE");
        var g = feeds.Single(f => f.Feed == "G");
        Assert.Equal(t1, ace.LastSuccess);
        Assert.Equal(2, ace.FetchCount);
        Assert.Equal(0, ace.ErrorCount);
        Assert.Equal(304, ace.LastStatusCode);
        Assert.Equal(t0.AddSeconds(-5), ace.UpstreamTime);
        Assert.Null(g.LastSuccess);
        Assert.Equal(2, g.ErrorCount);
        Assert.Equal(2, g.ConsecutiveFailures);
        Assert.Equal(FeedErrorKind.Timeout, g.LastError!.Kind);
        Assert.Equal(["ACE", "G"], feeds.Select(f => f.Feed));

        var attempts = store.GetAttempts("subway", limit: 3);
        Assert.Equal([(t1, "G"), (t1, "ACE"), (t0, "G")], attempts.Select(a => (a.Time, a.Feed)));
    }

    [Fact]
    public void GetAttempts_CycleListedByFeedNotByTime_NewestFirstAllTheSame()
    {
        var store = new SnapshotStore(_time);
        var t0 = _time.GetUtcNow();

        // Feeds polled side by side end in any order; the source lists them in configured feed order.
        store.Apply<Board>("subway", new SnapshotUpdate(t0)
        {
            HasData = true,
            Data = new Board(1),
            Attempts =
            [
                new FeedAttempt(t0.AddSeconds(2), "1234567S", AttemptOutcome.Ok, 200, TimeSpan.Zero, 1),
                new FeedAttempt(t0, "ACE", AttemptOutcome.Ok, 200, TimeSpan.Zero, 1),
                new FeedAttempt(t0.AddSeconds(1), "G", AttemptOutcome.Ok, 200, TimeSpan.Zero, 1),
            ],
        });

        var attempts = store.GetAttempts("subway");

        Assert.Equal(["1234567S", "G", "ACE"], attempts.Select(a => a.Feed));
    }

    [Fact]
    public void GetAttempts_ManyAttempts_KeepsOnlyTheCapacity()
    {
        var store = new SnapshotStore(_time);
        for (var i = 0; i < SnapshotStore.AttemptCapacity + 100; i++)
        {
            store.Apply<Board>("alerts", new SnapshotUpdate(_time.GetUtcNow().AddSeconds(i))
            {
                HasData = true,
                Data = new Board(i),
                Attempts = [new FeedAttempt(_time.GetUtcNow().AddSeconds(i), "alerts", AttemptOutcome.Ok, 200, TimeSpan.Zero, 1)],
            });
        }

        var attempts = store.GetAttempts("alerts", int.MaxValue);

        Assert.Equal(SnapshotStore.AttemptCapacity, attempts.Count);
        Assert.Equal(_time.GetUtcNow().AddSeconds(SnapshotStore.AttemptCapacity + 99), attempts[0].Time);
    }

    [Fact]
    public async Task ReadersAndWriter_AtOnce_NeverObserveATornSnapshot()
    {
        var store = new SnapshotStore(_time);
        store.Register<Board>("subway");
        const int writes = 20_000;
        using var done = new CancellationTokenSource();

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(
            () =>
        {
            var checkedCount = 0L;
            var lastVersion = 0L;
            while (!done.IsCancellationRequested)
            {
                var snapshot = store.Get<Board>("subway")!;
                if (snapshot.HasData)
                {
                    // The writer sets board n on its n-th attempt: data and metadata come from one write or neither.
                    Assert.Equal(snapshot.Data!.Number, snapshot.Metadata.FetchCount);
                    Assert.Equal(snapshot.Data.Number, snapshot.Metadata.EntityCount);
                    Assert.True(snapshot.Version >= lastVersion, "versions never go back");
                    lastVersion = snapshot.Version;
                    checkedCount++;
                }

                foreach (var metadata in store.GetAllMetadata())
                {
                    Assert.Equal(metadata.FetchCount, metadata.EntityCount ?? 0);
                }
            }

            return checkedCount;
        }, TestContext.Current.CancellationToken)).ToArray();

        var writer = Task.Run(() =>
        {
            for (var n = 1; n <= writes; n++)
            {
                store.Apply<Board>("subway", new SnapshotUpdate(_time.GetUtcNow()) { HasData = true, Data = new Board(n), EntityCount = n });
            }
        }, TestContext.Current.CancellationToken);

        await writer;
        await done.CancelAsync();
        var checkedTotal = (await Task.WhenAll(readers)).Sum();

        Assert.True(checkedTotal > 0);
        Assert.Equal(writes, store.Get<Board>("subway")!.Data!.Number);
    }

    [Fact]
    public void Subscribe_Changes_AreDeliveredInOrder()
    {
        var store = new SnapshotStore(_time);
        using var subscription = store.Subscribe();

        store.Set("subway", new Board(1));
        store.RecordError("subway", FeedErrorKind.Timeout, "timed out");
        store.Set("citibike", new Board(2));

        var changes = new List<SnapshotChange>();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(subscription.Reader.TryRead(out var change));
            changes.Add(change);
        }

        Assert.Equal([("subway", true), ("subway", false), ("citibike", true)], changes.Select(c => (c.Source, c.DataChanged)));
        Assert.False(subscription.Reader.TryRead(out _));
    }

    [Fact]
    public void Subscribe_SlowSubscriber_LosesOldNotificationsAndNeverBlocksTheWriter()
    {
        var store = new SnapshotStore(_time);
        using var slow = store.Subscribe(capacity: 4);

        for (var i = 1; i <= 1000; i++)
        {
            store.Set("subway", new Board(i));
        }

        var kept = new List<int>();
        while (slow.Reader.TryRead(out var change))
        {
            kept.Add(((Board)change.Snapshot.UntypedData!).Number);
        }

        Assert.Equal([997, 998, 999, 1000], kept);
        Assert.Equal(996, slow.Dropped);
    }

    [Fact]
    public async Task Dispose_Subscription_UnsubscribesAndCompletesItsReader()
    {
        var store = new SnapshotStore(_time);
        var subscription = store.Subscribe();
        Assert.Equal(1, store.SubscriberCount);

        subscription.Dispose();
        store.Set("subway", new Board(1));

        Assert.Equal(0, store.SubscriberCount);
        await subscription.Reader.Completion.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.False(subscription.Reader.TryRead(out _));
    }
}
