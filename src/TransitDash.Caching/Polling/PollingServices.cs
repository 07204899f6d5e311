using Microsoft.Extensions.Logging;
using TransitDash.Health;
using TransitDash.Internal;
using TransitDash.Resilience;
using TransitDash.Replication;
using TransitDash.Snapshots;

namespace TransitDash.Polling;

/// <summary>What every refresher shares. <paramref name="Replicator"/> is null unless a package that shares
/// snapshots between replicas registered one.</summary>
internal sealed record PollingServices(
    SnapshotStore Store,
    HealthHistory History,
    FeedHealthEvaluator Evaluator,
    TransitDashMetrics Metrics,
    FeedPipelines Pipelines,
    TimeProvider TimeProvider,
    ILogger Logger,
    ISnapshotReplicator? Replicator = null);
