using Microsoft.Extensions.Logging;
using TransitDash.Health;
using TransitDash.Internal;
using TransitDash.Snapshots;

namespace TransitDash.Polling;

/// <summary>What every refresher shares.</summary>
internal sealed record PollingServices(
    SnapshotStore Store,
    HealthHistory History,
    FeedHealthEvaluator Evaluator,
    TransitDashMetrics Metrics,
    TimeProvider TimeProvider,
    ILogger Logger);
