using TransitDash.Snapshots;

namespace TransitDash.Health;

/// <summary>The health of the running library, now: the <see cref="FeedHealthEvaluator"/> applied to the
/// <see cref="SnapshotStore"/> at the current time of the registered <see cref="TimeProvider"/>.</summary>
public sealed class HealthMonitor
{
    private readonly SnapshotStore _store;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a monitor; its uptime counts from now.</summary>
    /// <param name="store">The snapshots to judge.</param>
    /// <param name="evaluator">The rules.</param>
    /// <param name="timeProvider">The clock.</param>
    public HealthMonitor(SnapshotStore store, FeedHealthEvaluator evaluator, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _store = store;
        Evaluator = evaluator;
        _timeProvider = timeProvider;
        StartedAt = timeProvider.GetUtcNow();
    }

    /// <summary>The rules in use.</summary>
    public FeedHealthEvaluator Evaluator { get; }

    /// <summary>When the library started (uptime counts from here).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>How long the library has been running.</summary>
    public TimeSpan Uptime => _timeProvider.GetUtcNow() - StartedAt;

    /// <summary>The health of every source and overall, now.</summary>
    /// <returns>The report.</returns>
    public HealthReport GetReport()
    {
        var now = _timeProvider.GetUtcNow();
        return Evaluator.Evaluate(_store.GetAllMetadata(), now, now - StartedAt);
    }

    /// <summary>The health of one source, now.</summary>
    /// <param name="source">The source's name.</param>
    /// <returns>Its health, or null when there is no such source.</returns>
    public SourceHealth? GetSource(string source) =>
        _store.GetMetadata(source) is { } metadata ? Evaluator.Evaluate(metadata, _timeProvider.GetUtcNow()) : null;
}
