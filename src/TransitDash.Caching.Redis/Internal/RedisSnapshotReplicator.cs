using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using TransitDash.Health;
using TransitDash.Options;
using TransitDash.Replication;
using TransitDash.Snapshots;

namespace TransitDash.Internal;

/// <summary>Shares one deployment's snapshots through Redis. One loop per replica keeps a connection, takes or
/// renews the poller's lease, and re-reads every snapshot when it may have missed some (at start, after Redis
/// came back, on taking the lease); change messages bring each new snapshot in between. Reads never wait on
/// Redis: the store serves the copy this replica holds.</summary>
internal sealed partial class RedisSnapshotReplicator : BackgroundService, ISnapshotReplicator
{
    private const string Backend = "redis";

    private readonly RedisSnapshotOptions _options;
    private readonly RedisKeys _keys;
    private readonly SnapshotCodec _codec = new();
    private readonly SnapshotStore _store;
    private readonly HealthHistory _history;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RedisMetrics _metrics;
    private readonly IReadOnlyList<TimeSpan> _pollIntervals;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _roleLock = new();
    private IConnectionMultiplexer? _connection;
    private LeaseHold? _lease;
    private ReplicaRole _observedRole;
    private string? _lostReason;

    public RedisSnapshotReplicator(
        RedisSnapshotOptions options,
        SnapshotStore store,
        HealthHistory history,
        TimeProvider time,
        ILogger<RedisSnapshotReplicator> logger,
        IMeterFactory? meterFactory,
        IReadOnlyList<TimeSpan> pollIntervals)
    {
        _options = options;
        _keys = new RedisKeys(options.KeyPrefix);
        _store = store;
        _history = history;
        _time = time;
        _logger = logger;
        _pollIntervals = pollIntervals;
        _startedAt = time.GetTimestamp();
        _metrics = new RedisMetrics(meterFactory, () => HoldsLease, () => Reachable);
    }

    public ReplicaRole Role
    {
        get
        {
            if (HoldsLease)
            {
                return ReplicaRole.Leader;
            }

            return _options.PollWhenUnreachable && UnreachableFor() > _options.LeaseDuration ? ReplicaRole.Isolated : ReplicaRole.Follower;
        }
    }

    /// <summary>How often the leader renews the lease: a third of it, well inside its lifetime.</summary>
    private TimeSpan RenewPeriod => _options.LeaseDuration / 3;

    /// <summary>True while this replica holds a lease it has synced on, renewed less than a lease ago.</summary>
    private bool HoldsLease =>
        Volatile.Read(ref _lease) is { Synced: true } lease && _time.GetElapsedTime(lease.RenewedAt) < _options.LeaseDuration;

    public ReplicationStatus GetStatus()
    {
        lock (_stateLock)
        {
            var leader = HoldsLease;
            return new ReplicationStatus(Backend, _options.ReplicaName, Role)
            {
                Reachable = _reachable,
                LeaseHolder = leader ? _options.ReplicaName : _holder,
                LastContact = _lastContact,
                UnreachableFor = UnreachableFor(),
                LastError = _reachable ? null : _lastError,
            };
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // Given up at once rather than left to expire, so that another replica polls without waiting a lease.
        if (Interlocked.Exchange(ref _lease, null) is { } lease && _connection is { IsConnected: true } connection)
        {
            try
            {
                var released = await connection.GetDatabase()
                    .ScriptEvaluateAsync(RedisScripts.Release, [_keys.Lease], [lease.Value])
                    .WaitAsync(RenewPeriod, _time, cancellationToken)
                    .ConfigureAwait(false);
                if ((long)released == 1)
                {
                    Log.LeaseReleased(_logger);
                }
            }
            catch (Exception e) when (IsRedisFailure(e) || e is OperationCanceledException)
            {
                // The lease expires on its own.
            }
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _connection?.Dispose();
        _metrics.Dispose();
        _sync.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Log.Started(_logger, _options.ReplicaName, DurationText.Format(_options.LeaseDuration), _options.KeyPrefix);
        if (_pollIntervals.Count > 0 && _pollIntervals.Min() is var shortest && shortest < _options.LeaseDuration)
        {
            Log.LeaseLongerThanInterval(_logger, DurationText.Format(_options.LeaseDuration), DurationText.Format(shortest));
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var delay = await StepAsync(stoppingToken).ConfigureAwait(false);
                ObserveRole();
                await WaitAsync(delay, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One turn of the loop: connect, subscribe, re-read when needed, then take or renew the lease.
    /// Never throws for Redis failing (that is recorded as unreachable).</summary>
    /// <returns>How long to wait before the next turn.</returns>
    internal async Task<TimeSpan> StepAsync(CancellationToken cancellationToken)
    {
        try
        {
            var connection = _connection ??= await ConnectAsync().ConfigureAwait(false);
            await SubscribeAsync(connection).ConfigureAwait(false);
            var database = connection.GetDatabase();
            if (Interlocked.Exchange(ref _resyncNeeded, 0) == 1)
            {
                await RaiseRevisionAsync(database).ConfigureAwait(false);
                await ResyncAsync(database, cancellationToken).ConfigureAwait(false);
            }

            var delay = await LeaseStepAsync(database, cancellationToken).ConfigureAwait(false);
            if (!HoldsLease)
            {
                await CatchUpAsync(database, cancellationToken).ConfigureAwait(false);
            }

            MarkContact();
            return delay;
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            MarkFailure(e);
            return RenewPeriod;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Our own code, or Redis answering what no version of these scripts returns: the loop must go on.
            Log.StepCrashed(_logger, e);
            return RenewPeriod;
        }
    }

    private async Task<IConnectionMultiplexer> ConnectAsync()
    {
        var configuration = ConfigurationOptions.Parse(_options.Configuration);

        // Start even when Redis is down, and keep trying in the background; commands fail at once while it is
        // down instead of queueing, and give up well inside the lease so that the leader learns in time.
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ClientName ??= _options.ReplicaName;
        var timeout = (int)Math.Max(250, RenewPeriod.TotalMilliseconds);
        configuration.AsyncTimeout = Math.Min(configuration.AsyncTimeout, timeout);
        configuration.SyncTimeout = Math.Min(configuration.SyncTimeout, timeout);
        configuration.ConnectTimeout = Math.Min(configuration.ConnectTimeout, Math.Max(1000, timeout));

        var connection = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
        connection.ConnectionFailed += (_, e) => MarkFailure(e.Exception ?? new RedisConnectionException(e.FailureType, e.FailureType.ToString()));
        connection.ConnectionRestored += (_, _) => RequestResync();
        return connection;
    }

    /// <summary>Logs the changes of role that no single step explains (a lease that ran out while Redis was
    /// unreachable, polling alone), once each.</summary>
    private void ObserveRole()
    {
        var role = Role;
        ReplicaRole previous;
        lock (_roleLock)
        {
            previous = _observedRole;
            _observedRole = role;
        }

        if (role == previous)
        {
            return;
        }

        if (previous == ReplicaRole.Leader)
        {
            Log.LeaseLost(_logger, _options.ReplicaName, Interlocked.Exchange(ref _lostReason, null) ?? "Redis did not answer before it ran out");
        }

        if (role == ReplicaRole.Isolated)
        {
            Log.PollingAlone(_logger, DurationText.Format(_options.LeaseDuration));
        }
    }

    private void Wake() => _wake.Writer.TryWrite(true);

    private async Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay > TimeSpan.Zero)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(Task.Delay(delay, _time, wait.Token), _wake.Reader.WaitToReadAsync(wait.Token).AsTask()).ConfigureAwait(false);
            await wait.CancelAsync().ConfigureAwait(false);
        }

        _wake.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static bool IsRedisFailure(Exception e) => e is RedisException or TimeoutException or ObjectDisposedException;
}
