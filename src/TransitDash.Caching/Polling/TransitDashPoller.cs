using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TransitDash.Internal;
using TransitDash.Options;
using TransitDash.Replication;

namespace TransitDash.Polling;

/// <summary>The hosted service that keeps every source fresh: one loop per source, each on its own
/// <see cref="PeriodicTimer"/> of the injected <see cref="TimeProvider"/>, so that sources never wait on each
/// other. The first fetch of every source starts at once. Stopping cancels the fetches in flight and waits
/// for them at most <see cref="StopGrace"/>. When replicas share snapshots, a source is polled by the leader
/// only, on the cadence of the shared snapshots (see <see cref="ReplicatedCadence"/>).</summary>
internal sealed class TransitDashPoller(
    SourceSet sources,
    TimeProvider timeProvider,
    IOptions<TransitDashOptions> options,
    ILogger<TransitDashPoller> logger,
    ISnapshotReplicator? replicator = null) : BackgroundService
{

    /// <summary>How long stopping waits for fetches to end once cancelled: inside the 5 s the host is promised.</summary>
    internal static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(4);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        using var grace = new CancellationTokenSource(StopGrace, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, grace.Token);
        await base.StopAsync(linked.Token).ConfigureAwait(false);

        var abandoned = sources.Refreshers.Where(r => r.Running is not null).Select(r => r.Name).ToArray();
        if (abandoned.Length > 0)
        {
            Log.FetchesAbandoned(logger, string.Join(", ", abandoned));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ClockStart is not null && timeProvider is not ShiftedTimeProvider)
        {
            Log.ClockStartIgnored(logger);
        }

        var refreshers = sources.Refreshers;
        Log.SchedulerStarted(logger, Describe(refreshers));
        await Task.WhenAll(refreshers.Select(r => replicator is null ? RunAsync(r, stoppingToken) : RunReplicatedAsync(r, replicator, stoppingToken)))
            .ConfigureAwait(false);
        Log.SchedulerStopped(logger);
    }

    /// <summary>"MTA every 30s, Citibike every 60s".</summary>
    internal static string Describe(IReadOnlyList<ISourceRefresher> refreshers) =>
        refreshers.Count == 0
            ? "no sources configured"
            : string.Join(", ", refreshers.Select(r => $"{r.ScheduleLabel} every {DurationText.Format(r.PollInterval)}"));

    /// <summary>The loop of one source: a tick at once, then one per interval, until stopped; then waits for
    /// the fetch in flight, which the same token cancels.</summary>
    internal async Task RunAsync(ISourceRefresher refresher, CancellationToken stoppingToken)
    {
        // The timer exists before the first fetch starts, so its first tick is one interval after start.
        using var timer = new PeriodicTimer(refresher.PollInterval, timeProvider);
        try
        {
            _ = refresher.Tick(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                _ = refresher.Tick(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }

        if (refresher.Running is { } running)
        {
            await running.ConfigureAwait(false);
        }
    }

    /// <summary>The loop of one source when replicas share snapshots: a look every
    /// <see cref="ReplicatedCadence.Check"/>, each deciding whether to fetch.</summary>
    internal async Task RunReplicatedAsync(ISourceRefresher refresher, ISnapshotReplicator replicator, CancellationToken stoppingToken)
    {
        var cadence = new ReplicatedCadence(refresher, replicator, timeProvider);
        using var timer = new PeriodicTimer(cadence.Check, timeProvider);
        try
        {
            do
            {
                _ = cadence.Look(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }

        if (refresher.Running is { } running)
        {
            await running.ConfigureAwait(false);
        }
    }
}
