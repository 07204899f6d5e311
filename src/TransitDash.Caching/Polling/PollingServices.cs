using Microsoft.Extensions.Logging;
using TransitDash.Health;
using TransitDash.Internal;
using TransitDash.Resilience;
using TransitDash.Snapshots;

namespace TransitDash.Polling;

/// <summary>What every refresher shares.</summary>
internal sealed record PollingServices(
    SnapshotStore Store,
    HealthHistory History,
    FeedHealthEvaluator Evaluator,
    TransitDashMetrics Metrics,
    FeedPipelines Pipelines,
    TimeProvider TimeProvider,
    ILogger Logger);
