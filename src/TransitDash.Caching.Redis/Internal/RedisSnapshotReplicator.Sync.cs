using System.Collections.Concurrent;
using System.Globalization;
using StackExchange.Redis;
using TransitDash.Health;
using TransitDash.Replication;
using TransitDash.Snapshots;

namespace TransitDash.Internal;

/// <summary>Keeps this replica's copy current: each change message brings the update it announces; a full
/// re-read catches up whatever messages were missed. Every source remembers the revision it holds, and only
/// a newer one is applied, whichever way it arrives.</summary>
internal sealed partial class RedisSnapshotReplicator
{
    private readonly SemaphoreSlim _sync = new(1, 1);
    private readonly ConcurrentDictionary<string, long> _revisions = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _reported = new(StringComparer.Ordinal);
    private int _resyncNeeded = 1;
    private ChannelMessageQueue? _changes;
    private long _resyncedAt;

    /// <summary>Asks the loop to re-read every snapshot at its next turn, and wakes it.</summary>
    private void RequestResync()
    {
        Volatile.Write(ref _resyncNeeded, 1);
        Wake();
    }

    /// <summary>The highest revision or version this replica holds: revisions handed out later must be above it.</summary>
    private long HighestSeen()
    {
        var highest = _revisions.Values.DefaultIfEmpty(0).Max();
        foreach (var metadata in _store.GetAllMetadata())
        {
            highest = Math.Max(highest, metadata.Version);
        }

        return highest;
    }

    private async Task SubscribeAsync(IConnectionMultiplexer connection)
    {
        if (_changes is not null)
        {
            // The client subscribes again by itself after a reconnection.
            return;
        }

        var changes = await connection.GetSubscriber().SubscribeAsync(_keys.Changes).ConfigureAwait(false);
        changes.OnMessage(OnChangeAsync);
        _changes = changes;
    }

    /// <summary>After Redis lost its data, or while this replica polled alone, revisions must go on above
    /// every version this replica holds: otherwise a new snapshot could reuse a version number.</summary>
    private async Task RaiseRevisionAsync(IDatabase database) =>
        await database.ScriptEvaluateAsync(RedisScripts.RaiseRevision, [_keys.Revision], [HighestSeen()]).ConfigureAwait(false);

    /// <summary>Re-reads every source's snapshot, applying what is newer than the copy held.</summary>
    private async Task ResyncAsync(IDatabase database, CancellationToken cancellationToken)
    {
        using var activity = RedisMetrics.ActivitySource.StartActivity("TransitDash resync");
        var revision = (long?)await database.StringGetAsync(_keys.Revision).ConfigureAwait(false) ?? 0;
        foreach (var source in _store.Sources)
        {
            await ApplyFromRedisAsync(database, source, announced: false, cancellationToken).ConfigureAwait(false);
        }

        Interlocked.Exchange(ref _resyncedAt, revision);
    }

    /// <summary>A follower's safety net: when Redis has handed out revisions this replica has not seen since
    /// its last re-read (a message lost on the way), re-reads.</summary>
    private async Task CatchUpAsync(IDatabase database, CancellationToken cancellationToken)
    {
        var revision = (long?)await database.StringGetAsync(_keys.Revision).ConfigureAwait(false) ?? 0;
        if (revision > Interlocked.Read(ref _resyncedAt) && revision > _revisions.Values.DefaultIfEmpty(0).Max())
        {
            await ResyncAsync(database, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A change message, <c>source revision</c>: reads the update when it is newer than the copy held.</summary>
    private async Task OnChangeAsync(ChannelMessage message)
    {
        var text = (string?)message.Message;
        var space = text?.LastIndexOf(' ') ?? -1;
        if (text is null || space <= 0 || !long.TryParse(text.AsSpan(space + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
        {
            return;
        }

        // The leader is the only writer: what it hears is its own echo, applied when Redis took it.
        var source = text[..space];
        if (HoldsLease || revision <= _revisions.GetValueOrDefault(source) || _connection is not { } connection)
        {
            return;
        }

        try
        {
            await ApplyFromRedisAsync(connection.GetDatabase(), source, announced: true, CancellationToken.None).ConfigureAwait(false);
            MarkContact();
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            MarkFailure(e);
        }
        catch (Exception e)
        {
            // A message handler that throws would stop the messages after it.
            Log.StepCrashed(_logger, e);
        }
    }

    /// <summary>Reads one source's update and what it brought since the revision held, and applies it when newer.</summary>
    private async Task ApplyFromRedisAsync(IDatabase database, string source, bool announced, CancellationToken cancellationToken)
    {
        await _sync.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var held = _revisions.GetValueOrDefault(source);
            var result = (RedisResult[]?)await database.ScriptEvaluateAsync(
                RedisScripts.Read,
                [_keys.Snapshot(source), _keys.Attempts(source), _keys.Samples(source)],
                [held]).ConfigureAwait(false);
            if (result is not { Length: 5 })
            {
                return;
            }

            var revision = (long)result[0];
            var version = (long)result[1];
            var body = (byte[])result[2]!;
            _revisions[source] = revision;
            if (_store.Get(source) is not { } current)
            {
                ReportOnce("source:" + source, () => Log.UnknownSource(_logger, source));
                return;
            }

            var decoded = _codec.DecodeBody(body, current.DataType);
            if (decoded.Status == DecodeStatus.NewerSchema)
            {
                ReportOnce("schema:" + decoded.Schema.ToString(CultureInfo.InvariantCulture), () => Log.NewerSchema(_logger, source, decoded.Schema, SnapshotCodec.Schema));
                return;
            }

            if (decoded.Status == DecodeStatus.Unreadable)
            {
                Log.Unreadable(_logger, source, decoded.Error ?? "unknown");
                return;
            }

            var attempts = Decode((RedisResult[])result[3]!, static json => SnapshotCodec.DecodeAttempt(json)).OrderBy(a => a.Time).ToArray();
            var samples = Decode((RedisResult[])result[4]!, static json => SnapshotCodec.DecodeSample(json)).OrderBy(s => s.Time).ToArray();
            var metadata = decoded.Metadata! with { Version = version };
            Apply(new ReplicatedSnapshot(metadata, decoded.Data, attempts), samples);
            _metrics.Applied(source, announced ? _time.GetUtcNow() - metadata.LastAttempt : null);
        }
        finally
        {
            _sync.Release();
        }
    }

    /// <summary>Applies a snapshot this replica's own poller made, once Redis took it under the given revision.</summary>
    private async Task ApplyOwnAsync(ReplicatedSnapshot snapshot, long revision, CancellationToken cancellationToken)
    {
        await _sync.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The change message may have brought it (or a newer one) first.
            if (revision > _revisions.GetValueOrDefault(snapshot.Source))
            {
                _revisions[snapshot.Source] = revision;
                Apply(snapshot, snapshot.Sample is { } sample ? [sample] : []);
            }
        }
        finally
        {
            _sync.Release();
        }
    }

    private void Apply(ReplicatedSnapshot snapshot, IReadOnlyList<HealthSample> samples)
    {
        // History first: whoever sees the new snapshot then finds its samples too.
        foreach (var sample in samples)
        {
            _history.Add(snapshot.Source, sample);
        }

        _store.ApplyReplicated(snapshot);
    }

    private void ReportOnce(string key, Action report)
    {
        if (_reported.TryAdd(key, true))
        {
            report();
        }
    }

    /// <summary>The items that read; one that does not is left out rather than failing its whole update.</summary>
    private static List<T> Decode<T>(RedisResult[] items, Func<byte[], T> decode)
    {
        var list = new List<T>(items.Length);
        foreach (var item in items)
        {
            try
            {
                list.Add(decode((byte[])item!));
            }
            catch (System.Text.Json.JsonException)
            {
            }
        }

        return list;
    }
}
