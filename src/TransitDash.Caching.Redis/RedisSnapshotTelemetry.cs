namespace TransitDash;

/// <summary>The names of TransitDash.Caching.Redis's telemetry: a contract that dashboards and alerts rely
/// on. Listen with <c>AddMeter(RedisSnapshotTelemetry.MeterName)</c> and
/// <c>AddSource(RedisSnapshotTelemetry.ActivitySourceName)</c>.</summary>
public static class RedisSnapshotTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "TransitDash.Caching.Redis";

    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/>: one activity per snapshot
    /// shared, and one per re-read of every snapshot.</summary>
    public const string ActivitySourceName = "TransitDash.Caching.Redis";

    /// <summary>Gauge: 1 while this replica holds the poller's lease, else 0.</summary>
    public const string Leader = "transitdash.redis.leader";

    /// <summary>Gauge: 1 while Redis answers, else 0.</summary>
    public const string Reachable = "transitdash.redis.reachable";

    /// <summary>Counter: times this replica took the poller's lease.</summary>
    public const string LeaseAcquired = "transitdash.redis.lease.acquired";

    /// <summary>Counter: snapshots this replica's poller made and tried to share. Tag: <see cref="OutcomeTag"/>.</summary>
    public const string Published = "transitdash.redis.published";

    /// <summary>Counter: snapshots this replica applied from Redis (made by the leader, or re-read). Tag:
    /// <see cref="TransitDashTelemetry.SourceTag"/>.</summary>
    public const string Applied = "transitdash.redis.applied";

    /// <summary>Histogram, seconds: from the end of the leader's attempt to this replica applying its snapshot.
    /// Tag: <see cref="TransitDashTelemetry.SourceTag"/>.</summary>
    public const string ApplyLag = "transitdash.redis.apply.lag";

    /// <summary>Tag: <c>ok</c> (shared), <c>fenced</c> (the lease was lost: Redis refused the write) or
    /// <c>failed</c> (Redis did not answer).</summary>
    public const string OutcomeTag = "outcome";
}
