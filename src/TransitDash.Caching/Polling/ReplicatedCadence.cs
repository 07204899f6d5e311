using TransitDash.Replication;

namespace TransitDash.Polling;

/// <summary>When a source is fetched while replicas share snapshots. Its loop looks several times per interval
/// (every <see cref="Check"/>) and fetches when this replica may poll, its own last fetch started an interval
/// ago, and so did the last attempt of the shared snapshot: a replica that just took over polls when the
/// previous leader's next fetch was due (at once on a cold start) rather than a whole interval later, and
/// never twice in one interval. A fetch still running is ticked once per interval, so that it is counted
/// as skipped as without replicas.</summary>
internal sealed class ReplicatedCadence(ISourceRefresher refresher, ISnapshotReplicator replicator, TimeProvider timeProvider)
{
    /// <summary>The longest time between two looks.</summary>
    public static readonly TimeSpan MaxCheck = TimeSpan.FromSeconds(1);

    private long? _lastTick;

    /// <summary>The time between two looks: a quarter of the interval, at most <see cref="MaxCheck"/>.</summary>
    public TimeSpan Check { get; } = TimeSpan.FromTicks(Math.Min(MaxCheck.Ticks, refresher.PollInterval.Ticks / 4));

    /// <summary>One look: ticks the source when it is due here.</summary>
    /// <param name="cancellationToken">Fires when the host stops.</param>
    /// <returns>The fetch started, or null when none was.</returns>
    public Task? Look(CancellationToken cancellationToken)
    {
        // Half a look early is on time: the looks do not line up with the cadence.
        var slack = Check / 2;
        if (replicator.Role == ReplicaRole.Follower
            || (_lastTick is { } last && timeProvider.GetElapsedTime(last) < refresher.PollInterval - slack)
            || (refresher.Running is null && !refresher.IsDue(slack)))
        {
            return null;
        }

        _lastTick = timeProvider.GetTimestamp();
        return refresher.Tick(cancellationToken);
    }
}
