using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TransitDash.Feeds;
using TransitDash.Health;
using TransitDash.Internal;
using TransitDash.Options;
using TransitDash.Replication;
using TransitDash.Snapshots;

namespace TransitDash.Polling;

/// <summary>Keeps one source fresh: runs its fetches one at a time, records each ended attempt in the store
/// (data, error, requests), adds a history sample, counts metrics and writes the log lines. A fetch that
/// throws is an attempt that failed; nothing a fetch does stops polling. When a replicator shares snapshots
/// between replicas, only its leader polls, and hands each ended attempt to it instead of the store.</summary>
/// <typeparam name="T">The source's data type.</typeparam>
internal sealed class SourceRefresher<T> : ISourceRefresher
{
    private readonly IPolledSource<T> _source;
    private readonly string _title;
    private readonly SnapshotStore _store;
    private readonly HealthHistory _history;
    private readonly FeedHealthEvaluator _evaluator;
    private readonly TransitDashMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ISnapshotReplicator? _replicator;
    private readonly Lock _tickLock = new();
    private Task? _running;
    private long _runningSince;
    private long _skippedTicks;

    public SourceRefresher(IPolledSource<T> source, string title, string scheduleLabel, PollingServices services)
    {
        _source = source;
        _title = title;
        ScheduleLabel = scheduleLabel;
        _store = services.Store;
        _history = services.History;
        _evaluator = services.Evaluator;
        _metrics = services.Metrics;
        _timeProvider = services.TimeProvider;
        _logger = services.Logger;
        _replicator = services.Replicator;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(source.PollInterval, TimeSpan.Zero);

        // Registered up front so that health lists the source as "never" before its first fetch ends.
        _store.Register<T>(source.Name);
        _history.Register(source.Name, source.PollInterval);
    }

    public string Name => _source.Name;

    public string ScheduleLabel { get; }

    public TimeSpan PollInterval => _source.PollInterval;

    public Task? Running
    {
        get
        {
            lock (_tickLock)
            {
                return _running is { IsCompleted: false } running ? running : null;
            }
        }
    }

    public long SkippedTicks => Interlocked.Read(ref _skippedTicks);

    public bool IsDue(TimeSpan slack)
    {
        if (_store.GetMetadata(Name) is not { LastAttempt: { } ended } metadata)
        {
            return true;
        }

        var started = ended - (metadata.LastDuration ?? TimeSpan.Zero);
        return _timeProvider.GetUtcNow() - started >= PollInterval - slack;
    }

    public Task? Tick(CancellationToken cancellationToken)
    {
        if (_replicator is { Role: ReplicaRole.Follower })
        {
            // Another replica polls for everyone: not a skipped tick, just not this replica's turn.
            return null;
        }

        lock (_tickLock)
        {
            if (_running is { IsCompleted: false })
            {
                Skip();
                return null;
            }

            _runningSince = _timeProvider.GetTimestamp();

            // Off the caller's thread: a source that blocks before its first await must not hold up the tick loop.
            _running = Task.Run(() => RefreshAsync(cancellationToken), CancellationToken.None);
            return _running;
        }
    }

    /// <summary>One attempt, start to end. Never throws; returns early without recording anything when
    /// <paramref name="cancellationToken"/> fires (the host is stopping: that is not an upstream failure).</summary>
    internal async Task RefreshAsync(CancellationToken cancellationToken)
    {
        using var activity = TransitDashMetrics.ActivitySource.StartActivity("TransitDash refresh");
        activity?.SetTag(TransitDashTelemetry.SourceTag, Name);
        var started = _timeProvider.GetTimestamp();

        PollResult<T> result;
        try
        {
            result = await _source.FetchAsync(cancellationToken).ConfigureAwait(false)
                ?? PollResult.Failure<T>(new FeedException(Name, FeedErrorKind.Unknown, $"Source '{Name}' returned no result."));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
            return;
        }
        catch (Exception exception)
        {
            result = PollResult.Failure<T>(FeedErrors.ToFeedException(Name, exception));
            if (exception is not FeedException and not OperationCanceledException and not HttpRequestException and not TimeoutException)
            {
                // Not a failure of the upstream but of the source's own code: keep the stack trace.
                Log.FetchCrashed(_logger, _title, result.Error!.Kind.ToWireName(), exception);
            }
        }

        var duration = _timeProvider.GetElapsedTime(started);
        try
        {
            await RecordAsync(result, duration, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping while the attempt was being shared.
        }
        catch (Exception exception)
        {
            // Recording is our own code; should it ever fail, the loop must still go on.
            Log.FetchCrashed(_logger, _title, FeedErrorKind.Unknown.ToWireName(), exception);
        }
    }

    private async Task RecordAsync(PollResult<T> result, TimeSpan duration, Activity? activity, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var attempts = result.Attempts.Count > 0 ? result.Attempts : [ImpliedAttempt(result, now, duration)];
        var error = result.Error is { } e ? new SnapshotError(e.Kind, e.Message, now) : null;

        var update = new SnapshotUpdate(now)
        {
            HasData = result.HasData,
            Data = result.Data,
            Error = error,
            Duration = duration,
            Attempts = attempts,
            Warnings = result.Warnings,
            UpstreamTime = result.UpstreamTime,
            EntityCount = result.EntityCount,
        };

        switch (_replicator?.Role)
        {
            case ReplicaRole.Leader:
                // Shared first and applied here by the replicator, with the version it assigns, so that this
                // replica serves exactly what the others do.
                var next = _store.Preview<T>(Name, update);
                var sample = new HealthSample(now, _evaluator.GetStatus(next.Metadata, now), duration, error?.Kind);
                await _replicator.PublishAsync(next with { Sample = sample }, cancellationToken).ConfigureAwait(false);
                break;
            case ReplicaRole.Follower:
                // The lease was lost while fetching: the new leader's snapshots are the ones to serve.
                break;
            default:
                var snapshot = _store.Apply<T>(Name, update);
                _history.Add(Name, new HealthSample(now, _evaluator.GetStatus(snapshot.Metadata, now), duration, error?.Kind));
                break;
        }

        foreach (var attempt in attempts)
        {
            _metrics.Attempt(Name, attempt);
        }

        if (result.HasData)
        {
            Log.FetchSucceeded(_logger, _title, result.Summary ?? "Fetched");
        }

        if (error is not null)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.Kind.ToWireName());
            // One line per feed that ended the attempt failed: a retry that cured a feed is no failure of it.
            var failedFeeds = attempts.GroupBy(a => a.Feed, StringComparer.Ordinal).Select(g => g.Last()).Where(a => a.Outcome == AttemptOutcome.Error).ToArray();
            if (failedFeeds.Length > 0 && result.Attempts.Count > 0)
            {
                foreach (var feed in failedFeeds)
                {
                    Log.FeedFailed(_logger, _title, feed.Feed, (feed.ErrorKind ?? FeedErrorKind.Unknown).ToWireName(), feed.ErrorMessage ?? string.Empty);
                }
            }
            else
            {
                Log.FetchFailed(_logger, _title, error.Kind.ToWireName(), error.Message);
            }
        }
    }

    /// <summary>The request record of a source that reports none: one request named after the source, or
    /// after the feed a <see cref="FeedException"/> names.</summary>
    private FeedAttempt ImpliedAttempt(PollResult<T> result, DateTimeOffset now, TimeSpan duration)
    {
        if (result.Error is { } error)
        {
            return FeedAttempt.Failed(now, string.IsNullOrEmpty(error.FeedName) ? Name : error.FeedName, duration, error);
        }

        return new FeedAttempt(now, Name, AttemptOutcome.Ok, null, duration, null) { UpstreamTime = result.UpstreamTime };
    }

    private void Skip()
    {
        Interlocked.Increment(ref _skippedTicks);
        _metrics.SkippedTick(Name);
        var now = _timeProvider.GetUtcNow();
        if (_store.GetMetadata(Name) is { } metadata)
        {
            _history.Add(Name, new HealthSample(now, _evaluator.GetStatus(metadata, now), null, null));
        }

        var running = _timeProvider.GetElapsedTime(_runningSince);
        Log.TickSkipped(_logger, _title, DurationText.Format(TimeSpan.FromSeconds(Math.Floor(running.TotalSeconds))));
    }
}
