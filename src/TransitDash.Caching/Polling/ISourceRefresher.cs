namespace TransitDash.Polling;

/// <summary>Keeps one source fresh: the untyped face of <see cref="SourceRefresher{T}"/> that the poller drives.</summary>
internal interface ISourceRefresher
{
    string Name { get; }

    /// <summary>How the scheduler line names the source ("MTA" for the subway).</summary>
    string ScheduleLabel { get; }

    TimeSpan PollInterval { get; }

    /// <summary>The fetch in flight, or null.</summary>
    Task? Running { get; }

    long SkippedTicks { get; }

    /// <summary>True when the source's last attempt (made here or shared by another replica) started at least
    /// one interval ago, less <paramref name="slack"/>, or none ever ended.</summary>
    bool IsDue(TimeSpan slack);

    /// <summary>One poll tick: starts a fetch unless the previous one is still running, in which case the
    /// tick is skipped and counted.</summary>
    /// <returns>The fetch started (it never faults), or null when the tick was skipped.</returns>
    Task? Tick(CancellationToken cancellationToken);
}
