using System.Collections.Concurrent;
using System.Collections.Immutable;
using TransitDash.Feeds;
using TransitDash.Internal;
using TransitDash.Replication;

namespace TransitDash.Snapshots;

/// <summary>The snapshot cache: one entry per source holding its last good data and metadata. Each update
/// builds a new immutable <see cref="FeedSnapshot"/> and swaps it in whole: readers never lock and never
/// see half an update, and an error never erases good data. Subscribers are told of every change.</summary>
public sealed partial class SnapshotStore
{
    /// <summary>How many recent attempts each source keeps (<see cref="GetAttempts"/>).</summary>
    public const int AttemptCapacity = 512;

    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _registrationLock = new();
    private ImmutableArray<Entry> _order = [];
    private long _version;

    /// <summary>Creates an empty store.</summary>
    /// <param name="timeProvider">The clock of <see cref="Set{T}"/> and <see cref="RecordError"/>.</param>
    public SnapshotStore(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>The sources, in the order they were registered.</summary>
    public IReadOnlyList<string> Sources => _order.Select(e => e.Name).ToArray();

    /// <summary>Adds a source with no data yet (health reports it as never updated). Registering an existing
    /// source again with the same type does nothing.</summary>
    /// <typeparam name="T">The type of the source's data.</typeparam>
    /// <param name="source">The source's name (compared case-insensitively).</param>
    /// <exception cref="InvalidOperationException">The source exists with another data type.</exception>
    public void Register<T>(string source) => GetOrAdd<T>(source);

    /// <summary>The snapshot of a source, untyped.</summary>
    /// <param name="source">The source's name.</param>
    /// <returns>The snapshot, or null when no such source is registered.</returns>
    public FeedSnapshot? Get(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return _entries.TryGetValue(source, out var entry) ? entry.Snapshot : null;
    }

    /// <summary>The snapshot of a source, typed.</summary>
    /// <typeparam name="T">The source's data type.</typeparam>
    /// <param name="source">The source's name.</param>
    /// <returns>The snapshot (whose <see cref="FeedSnapshot.HasData"/> is false before the first success),
    /// or null when no such source is registered.</returns>
    /// <exception cref="InvalidOperationException">The source holds another type.</exception>
    public FeedSnapshot<T>? Get<T>(string source)
    {
        var snapshot = Get(source);
        return snapshot switch
        {
            null => null,
            FeedSnapshot<T> typed => typed,
            _ => throw WrongType(source, snapshot.DataType, typeof(T)),
        };
    }

    /// <summary>The metadata of one source.</summary>
    /// <param name="source">The source's name.</param>
    /// <returns>The metadata, or null when no such source is registered.</returns>
    public SnapshotMetadata? GetMetadata(string source) => Get(source)?.Metadata;

    /// <summary>The metadata of every source, in registration order.</summary>
    /// <returns>One entry per source.</returns>
    public IReadOnlyList<SnapshotMetadata> GetAllMetadata()
    {
        var order = _order;
        var result = new SnapshotMetadata[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            result[i] = order[i].Snapshot.Metadata;
        }

        return result;
    }

    /// <summary>A source's most recent requests, newest first.</summary>
    /// <param name="source">The source's name.</param>
    /// <param name="limit">The most to return (at most <see cref="AttemptCapacity"/> are kept).</param>
    /// <returns>The attempts; empty for an unknown source.</returns>
    public IReadOnlyList<FeedAttempt> GetAttempts(string source, int limit = 50)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return _entries.TryGetValue(source, out var entry) ? entry.Attempts.Newest(limit) : [];
    }

    /// <summary>Publishes new data for a source as one successful attempt, registering the source if needed.</summary>
    /// <typeparam name="T">The data's type.</typeparam>
    /// <param name="source">The source's name.</param>
    /// <param name="data">The data.</param>
    /// <returns>The new snapshot.</returns>
    /// <exception cref="InvalidOperationException">The source holds another type.</exception>
    public FeedSnapshot<T> Set<T>(string source, T data)
    {
        var entry = GetOrAdd<T>(source);
        return (FeedSnapshot<T>)Apply(entry, new SnapshotUpdate(_timeProvider.GetUtcNow()) { HasData = true, Data = data });
    }

    /// <summary>Records a failed attempt of a source. Its data stays as it was.</summary>
    /// <param name="source">The source's name; it must be registered.</param>
    /// <param name="kind">What went wrong.</param>
    /// <param name="message">What happened; never a secret or a keyed URL.</param>
    /// <returns>The new snapshot.</returns>
    /// <exception cref="InvalidOperationException">The source is not registered.</exception>
    public FeedSnapshot RecordError(string source, FeedErrorKind kind, string message)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(message);
        if (!_entries.TryGetValue(source, out var entry))
        {
            throw new InvalidOperationException($"Source '{source}' is not registered; register it (or set its data) before recording errors.");
        }

        var now = _timeProvider.GetUtcNow();
        return Apply(entry, new SnapshotUpdate(now) { Error = new SnapshotError(kind, message, now) });
    }

    /// <summary>Applies a snapshot that a replicator shares, made by this replica's poller or by another
    /// replica's: the source's metadata and data become the given ones as they are (version included), its
    /// requests join the source's attempts, and subscribers are told. Which snapshot is newer is the
    /// replicator's to decide: the store applies what it is given.</summary>
    /// <param name="snapshot">The snapshot; its source must be registered and its data of the source's type.</param>
    /// <returns>The new snapshot.</returns>
    /// <exception cref="InvalidOperationException">The source is not registered, or the data is of another type.</exception>
    public FeedSnapshot ApplyReplicated(ReplicatedSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!_entries.TryGetValue(snapshot.Source, out var entry))
        {
            throw new InvalidOperationException($"Source '{snapshot.Source}' is not registered on this replica.");
        }

        if (snapshot.Data is { } data && !entry.DataType.IsInstanceOfType(data))
        {
            throw WrongType(snapshot.Source, entry.DataType, data.GetType());
        }

        FeedSnapshot next;
        lock (entry.WriteLock)
        {
            var previous = entry.Snapshot;
            next = entry.Create(snapshot.Data, snapshot.Metadata with { Source = entry.Name });

            // Versions made here later (by an isolated replica) must stay above every version shared so far.
            var version = Volatile.Read(ref _version);
            while (version < next.Version && Interlocked.CompareExchange(ref _version, next.Version, version) != version)
            {
                version = Volatile.Read(ref _version);
            }

            Publish(entry, next, snapshot.Attempts, next.Version != previous.Version);
        }

        return next;
    }

    /// <summary>Applies one ended attempt to a registered source.</summary>
    internal FeedSnapshot Apply<T>(string source, SnapshotUpdate update) => Apply(GetOrAdd<T>(source), update);

    /// <summary>What applying one ended attempt would make of a registered source, without applying it: its
    /// next metadata (the version still the previous one) and its data, for a replicator to share.</summary>
    internal ReplicatedSnapshot Preview<T>(string source, SnapshotUpdate update)
    {
        var entry = GetOrAdd<T>(source);
        var previous = entry.Snapshot;
        var metadata = Next(previous.Metadata, update, previous.Version);
        return new ReplicatedSnapshot(metadata, update.HasData ? update.Data : previous.UntypedData, update.Attempts) { DataChanged = update.HasData };
    }

    private FeedSnapshot Apply(Entry entry, SnapshotUpdate update)
    {
        FeedSnapshot next;
        lock (entry.WriteLock)
        {
            var previous = entry.Snapshot;
            var metadata = Next(previous.Metadata, update, update.HasData ? Interlocked.Increment(ref _version) : previous.Version);
            next = update.HasData ? entry.Create(update.Data, metadata) : previous with { Metadata = metadata };
            Publish(entry, next, update.Attempts, update.HasData);
        }

        return next;
    }

    /// <summary>Swaps in a source's next snapshot; called under the entry's write lock.</summary>
    private void Publish(Entry entry, FeedSnapshot next, IReadOnlyList<FeedAttempt> attempts, bool dataChanged)
    {
        // The single write that publishes the update: a reader sees the old snapshot or the new one.
        Volatile.Write(ref entry.Current, next);

        // A cycle's feeds are polled side by side and listed by feed: kept in the order they ended, so that
        // "newest first" holds within a cycle too (the sort is stable for requests that ended together).
        entry.Attempts.AddRange(attempts.Count > 1 ? [.. attempts.OrderBy(a => a.Time)] : attempts);

        // Inside the lock so that subscribers see one source's changes in order; publishing never waits.
        Notify(new SnapshotChange(next, dataChanged));
    }

    private static SnapshotMetadata Next(SnapshotMetadata previous, SnapshotUpdate update, long version)
    {
        var counted = (SnapshotMetadata)previous.Counted(update.At, update.HasData, update.Error, update.Duration, update.UpstreamTime);
        IReadOnlyList<FeedMetadata> feeds = update.Attempts.Count == 0 ? previous.Feeds : NextFeeds(previous.Feeds, update.Attempts);
        return counted with
        {
            Version = version,
            EntityCount = update.HasData ? update.EntityCount : previous.EntityCount,
            Warnings = update.Warnings ?? previous.Warnings,
            Feeds = feeds,
            Circuit = FeedCircuit.Worst(feeds.Select(f => f.Circuit)),
        };
    }

    private static FeedMetadata[] NextFeeds(IReadOnlyList<FeedMetadata> previous, IReadOnlyList<FeedAttempt> attempts)
    {
        var feeds = previous.ToList();
        foreach (var attempt in attempts)
        {
            var index = feeds.FindIndex(f => string.Equals(f.Feed, attempt.Feed, StringComparison.Ordinal));
            var feed = index >= 0 ? feeds[index] : new FeedMetadata(attempt.Feed);
            var failed = attempt.Outcome == AttemptOutcome.Error;
            var error = failed ? new SnapshotError(attempt.ErrorKind ?? FeedErrorKind.Unknown, attempt.ErrorMessage ?? "The request failed.", attempt.Time) : null;
            feed = (FeedMetadata)feed.Counted(attempt.Time, !failed, error, attempt.Latency, attempt.UpstreamTime) with
            {
                LastStatusCode = attempt.StatusCode ?? (failed ? null : feed.LastStatusCode),
                LastBytes = failed ? feed.LastBytes : attempt.Bytes ?? feed.LastBytes,
                Circuit = attempt.Circuit ?? feed.Circuit,
            };

            if (index >= 0)
            {
                feeds[index] = feed;
            }
            else
            {
                feeds.Add(feed);
            }
        }

        return [.. feeds];
    }

    private Entry GetOrAdd<T>(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (!_entries.TryGetValue(source, out var entry))
        {
            lock (_registrationLock)
            {
                if (!_entries.TryGetValue(source, out entry))
                {
                    entry = new Entry(source, typeof(T), (data, metadata) => new FeedSnapshot<T>((T?)data, metadata));
                    _entries[source] = entry;
                    _order = _order.Add(entry);
                }
            }
        }

        return entry.DataType == typeof(T) ? entry : throw WrongType(source, entry.DataType, typeof(T));
    }

    private static InvalidOperationException WrongType(string source, Type held, Type asked) =>
        new($"Source '{source}' holds {held.Name}, not {asked.Name}.");

    private sealed class Entry(string name, Type dataType, Func<object?, SnapshotMetadata, FeedSnapshot> create)
    {
        public readonly Lock WriteLock = new();
        public readonly RingBuffer<FeedAttempt> Attempts = new(AttemptCapacity);

        // Written only under WriteLock with Volatile.Write; read lock-free.
        public FeedSnapshot Current = create(default, new SnapshotMetadata(name));

        public string Name => name;

        public FeedSnapshot Snapshot => Volatile.Read(ref Current);

        public Type DataType => dataType;

        public FeedSnapshot Create(object? data, SnapshotMetadata metadata) => create(data, metadata);
    }
}
