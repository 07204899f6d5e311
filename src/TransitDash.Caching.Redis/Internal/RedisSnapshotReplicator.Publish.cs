using System.Diagnostics;
using System.Text.Json;
using StackExchange.Redis;
using TransitDash.Replication;
using TransitDash.Snapshots;

namespace TransitDash.Internal;

/// <summary>The leader's side: each snapshot its poller makes is written to Redis under the lease, in one
/// fenced step that also announces it, and applied here only once Redis took it.</summary>
internal sealed partial class RedisSnapshotReplicator
{
    public async Task PublishAsync(ReplicatedSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var source = snapshot.Source;
        if (Volatile.Read(ref _lease) is not { Synced: true } lease || _connection is not { } connection)
        {
            return;
        }

        using var activity = RedisMetrics.ActivitySource.StartActivity("TransitDash publish");
        activity?.SetTag(TransitDashTelemetry.SourceTag, source);
        if (Encode(snapshot) is not { } values)
        {
            _metrics.Published("failed");
            return;
        }

        values[0] = lease.Value;
        values[1] = HighestSeen();
        try
        {
            var result = (RedisResult[])(await connection.GetDatabase().ScriptEvaluateAsync(
                RedisScripts.Publish,
                [_keys.Lease, _keys.Revision, _keys.Snapshot(source), _keys.Attempts(source), _keys.Samples(source)],
                values).WaitAsync(cancellationToken).ConfigureAwait(false))!;
            var revision = (long)result[0];
            MarkContact();
            if (revision < 0)
            {
                // Another replica took the lease while this one was paused or cut off: its snapshots are the newer ones.
                activity?.SetStatus(ActivityStatusCode.Error, "fenced");
                Log.PublishFenced(_logger, source);
                _metrics.Published("fenced");
                Demote("Redis refused a snapshot written under it");
                return;
            }

            var shared = snapshot with { Metadata = snapshot.Metadata with { Version = (long)result[1] } };
            await ApplyOwnAsync(shared, revision, cancellationToken).ConfigureAwait(false);
            _metrics.Published("ok");
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            activity?.SetStatus(ActivityStatusCode.Error, "failed");
            MarkFailure(e);
            Log.PublishFailed(_logger, source, Describe(e));
            _metrics.Published("failed");
        }
    }

    /// <summary>The arguments of the publish script, the first two (lease value, revision floor) left for the
    /// caller; null when the snapshot cannot be written (logged).</summary>
    private RedisValue[]? Encode(ReplicatedSnapshot snapshot)
    {
        var dataType = _store.Get(snapshot.Source)?.DataType ?? snapshot.Data?.GetType() ?? typeof(object);
        byte[] body;
        try
        {
            body = _codec.EncodeBody(snapshot.Metadata, snapshot.Data, dataType);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            Log.PublishFailed(_logger, snapshot.Source, $"its data cannot be written as JSON ({e.Message})");
            return null;
        }

        var values = new RedisValue[10 + snapshot.Attempts.Count];
        values[2] = snapshot.DataChanged ? 1 : 0;
        values[3] = snapshot.Metadata.Version;
        values[4] = body;
        values[5] = SnapshotStore.AttemptCapacity;
        values[6] = Math.Max(1, _history.GetCapacity(snapshot.Source));
        values[7] = _keys.Changes.ToString();
        values[8] = snapshot.Source;
        values[9] = snapshot.Sample is { } sample ? SnapshotCodec.EncodeSample(sample) : RedisValue.EmptyString;
        for (var i = 0; i < snapshot.Attempts.Count; i++)
        {
            values[10 + i] = SnapshotCodec.EncodeAttempt(snapshot.Attempts[i]);
        }

        return values;
    }
}
