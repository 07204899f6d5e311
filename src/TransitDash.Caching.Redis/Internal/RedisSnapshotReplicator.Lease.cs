using System.Globalization;
using TransitDash.Replication;
using StackExchange.Redis;

namespace TransitDash.Internal;

/// <summary>The poller's lease: taken when nobody holds it, renewed at a third of its lifetime, trusted only
/// for one lifetime from the last renewal sent, and given up on shutdown.</summary>
internal sealed partial class RedisSnapshotReplicator
{
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromMilliseconds(5);

    private long _highestToken;

    private string LeaseMilliseconds => ((long)_options.LeaseDuration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    /// <summary>Renews the lease held, or tries to take it.</summary>
    /// <returns>How long to wait before the next try: a renewal period, or less when the holder's lease is
    /// about to run out, so that a dead leader is replaced as soon as Redis lets its lease go.</returns>
    private async Task<TimeSpan> LeaseStepAsync(IDatabase database, CancellationToken cancellationToken)
    {
        var sent = _time.GetTimestamp();
        if (Volatile.Read(ref _lease) is { } held)
        {
            var renewed = await database.ScriptEvaluateAsync(RedisScripts.Renew, [_keys.Lease], [held.Value, LeaseMilliseconds]).ConfigureAwait(false);
            if (renewed.Resp2Type == ResultType.Integer && (long)renewed == 1)
            {
                await TakeAsync(database, held with { RenewedAt = sent }, cancellationToken).ConfigureAwait(false);
                return RenewPeriod;
            }

            var holder = renewed.IsNull ? null : (string?)renewed;
            Demote(holder is null ? "it ran out before it was renewed" : $"{LeaseValue.Replica(holder)} holds it now");
            SetHolder(holder);
            NoteToken(holder);
            return holder is null ? TimeSpan.Zero : RenewPeriod;
        }

        var result = (RedisResult[])(await database.ScriptEvaluateAsync(
            RedisScripts.Acquire,
            [_keys.Lease, _keys.Fence],
            [_options.ReplicaName, LeaseMilliseconds, Interlocked.Read(ref _highestToken)]).ConfigureAwait(false))!;
        var value = (string)result[1]!;
        NoteToken(value);
        SetHolder(value);
        if ((long)result[0] == 1)
        {
            await TakeAsync(database, new LeaseHold(value, sent, Synced: false), cancellationToken).ConfigureAwait(false);
            return RenewPeriod;
        }

        var remaining = TimeSpan.FromMilliseconds(Math.Max(0, (long)result[2]));
        return remaining < RenewPeriod ? remaining + ExpiryMargin : RenewPeriod;
    }

    /// <summary>Holds a lease taken or renewed. A lease not yet synced on is re-read for first, so that the
    /// first snapshots this replica makes carry on from the newest shared ones.</summary>
    private async Task TakeAsync(IDatabase database, LeaseHold lease, CancellationToken cancellationToken)
    {
        if (!lease.Synced)
        {
            // Kept while syncing: should Redis fail now, the next step renews this lease instead of waiting it out.
            Volatile.Write(ref _lease, lease);
            Volatile.Write(ref _lostReason, null);
            await ResyncAsync(database, cancellationToken).ConfigureAwait(false);
            Log.LeaseAcquired(_logger, _options.ReplicaName, lease.Token.ToString(CultureInfo.InvariantCulture));
            _metrics.LeaseAcquired();
        }

        Volatile.Write(ref _lease, lease with { Synced = true });
        lock (_roleLock)
        {
            _observedRole = ReplicaRole.Leader;
        }
    }

    /// <summary>Stops trusting the lease (another replica holds it, or Redis refused a write under it).</summary>
    private void Demote(string reason)
    {
        if (Interlocked.Exchange(ref _lease, null) is { Synced: true })
        {
            Volatile.Write(ref _lostReason, reason);
            ObserveRole();
        }

        RequestResync();
    }

    /// <summary>Keeps the highest fencing token seen, so that tokens handed out later stay above it.</summary>
    private void NoteToken(string? value)
    {
        if (value is null)
        {
            return;
        }

        var token = LeaseValue.Token(value);
        var seen = Interlocked.Read(ref _highestToken);
        while (token > seen && Interlocked.CompareExchange(ref _highestToken, token, seen) != seen)
        {
            seen = Interlocked.Read(ref _highestToken);
        }
    }
}
