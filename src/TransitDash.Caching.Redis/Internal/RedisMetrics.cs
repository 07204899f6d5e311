using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TransitDash.Internal;

/// <summary>The package's instruments (names in <see cref="RedisSnapshotTelemetry"/>).</summary>
internal sealed class RedisMetrics : IDisposable
{
    public static readonly ActivitySource ActivitySource = new(RedisSnapshotTelemetry.ActivitySourceName, Version);

    private const string Version = "1.0";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _acquired;
    private readonly Counter<long> _published;
    private readonly Counter<long> _applied;
    private readonly Histogram<double> _lag;

    public RedisMetrics(IMeterFactory? meterFactory, Func<bool> isLeader, Func<bool> isReachable)
    {
        // Without a meter factory (a bare ServiceCollection) the meter is ours to dispose.
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(new MeterOptions(RedisSnapshotTelemetry.MeterName) { Version = Version })
            ?? new Meter(RedisSnapshotTelemetry.MeterName, Version);

        _meter.CreateObservableGauge(RedisSnapshotTelemetry.Leader, () => isLeader() ? 1 : 0, "{replica}", "1 while this replica holds the poller's lease.");
        _meter.CreateObservableGauge(RedisSnapshotTelemetry.Reachable, () => isReachable() ? 1 : 0, "{connection}", "1 while Redis answers.");
        _acquired = _meter.CreateCounter<long>(RedisSnapshotTelemetry.LeaseAcquired, "{lease}", "Times this replica took the poller's lease.");
        _published = _meter.CreateCounter<long>(RedisSnapshotTelemetry.Published, "{snapshot}", "Snapshots this replica's poller made and tried to share.");
        _applied = _meter.CreateCounter<long>(RedisSnapshotTelemetry.Applied, "{snapshot}", "Snapshots applied from Redis.");
        _lag = _meter.CreateHistogram(
            RedisSnapshotTelemetry.ApplyLag,
            unit: "s",
            description: "From the end of the leader's attempt to this replica applying its snapshot.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
    }

    public void LeaseAcquired() => _acquired.Add(1);

    public void Published(string outcome) => _published.Add(1, new KeyValuePair<string, object?>(RedisSnapshotTelemetry.OutcomeTag, outcome));

    public void Applied(string source, TimeSpan? lag)
    {
        var tag = new KeyValuePair<string, object?>(TransitDashTelemetry.SourceTag, source);
        _applied.Add(1, tag);
        if (lag is { } value)
        {
            _lag.Record(Math.Max(0, value.TotalSeconds), tag);
        }
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
