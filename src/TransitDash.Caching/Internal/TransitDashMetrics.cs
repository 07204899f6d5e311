using System.Diagnostics;
using System.Diagnostics.Metrics;
using TransitDash.Feeds;
using TransitDash.Snapshots;

namespace TransitDash.Internal;

/// <summary>The library's instruments (names in <see cref="TransitDashTelemetry"/>).</summary>
internal sealed class TransitDashMetrics : IDisposable
{
    public static readonly ActivitySource ActivitySource = new(TransitDashTelemetry.ActivitySourceName, Version);

    private const string Version = "1.0";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _attempts;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _skipped;

    public TransitDashMetrics(IMeterFactory? meterFactory, SnapshotStore store, TimeProvider timeProvider)
    {
        // Without a meter factory (a bare ServiceCollection) the meter is ours to dispose.
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(new MeterOptions(TransitDashTelemetry.MeterName) { Version = Version })
            ?? new Meter(TransitDashTelemetry.MeterName, Version);

        _duration = _meter.CreateHistogram(
            TransitDashTelemetry.FetchDuration,
            unit: "s",
            description: "How long each request of a feed took.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _attempts = _meter.CreateCounter<long>(TransitDashTelemetry.FetchAttempts, "{request}", "Requests made to feeds.");
        _errors = _meter.CreateCounter<long>(TransitDashTelemetry.FetchErrors, "{request}", "Requests to feeds that failed, by error kind.");
        _skipped = _meter.CreateCounter<long>(TransitDashTelemetry.SkippedTicks, "{tick}", "Poll ticks skipped because the previous fetch was still running.");

        _meter.CreateObservableGauge(
            TransitDashTelemetry.SnapshotAge,
            () => store.GetAllMetadata()
                .Where(m => m.LastSuccess is not null)
                .Select(m => new Measurement<double>((timeProvider.GetUtcNow() - m.LastSuccess!.Value).TotalSeconds, Source(m.Source))),
            unit: "s",
            description: "The age of each source's data.");
        _meter.CreateObservableGauge(
            TransitDashTelemetry.SnapshotEntities,
            () => store.GetAllMetadata()
                .Where(m => m.EntityCount is not null)
                .Select(m => new Measurement<int>(m.EntityCount!.Value, Source(m.Source))),
            unit: "{entity}",
            description: "How many items each source's data holds.");
        _meter.CreateObservableGauge(
            TransitDashTelemetry.CircuitState,
            () => CircuitStates(store, timeProvider.GetUtcNow()),
            unit: "{state}",
            description: "The state of each feed's circuit breaker: 0 closed, 1 half-open, 2 open.");
    }

    public void Attempt(string source, FeedAttempt attempt)
    {
        var outcome = attempt.Outcome switch
        {
            AttemptOutcome.Ok => "ok",
            AttemptOutcome.NotModified => "not_modified",
            _ => "error",
        };
        var tags = new TagList
        {
            { TransitDashTelemetry.SourceTag, source },
            { TransitDashTelemetry.FeedTag, attempt.Feed },
            { TransitDashTelemetry.OutcomeTag, outcome },
        };
        _duration.Record(attempt.Latency.TotalSeconds, tags);
        _attempts.Add(1, tags);

        if (attempt.Outcome == AttemptOutcome.Error)
        {
            _errors.Add(
                1,
                new TagList
                {
                    { TransitDashTelemetry.SourceTag, source },
                    { TransitDashTelemetry.FeedTag, attempt.Feed },
                    { TransitDashTelemetry.ErrorKindTag, (attempt.ErrorKind ?? FeedErrorKind.Unknown).ToWireName() },
                });
        }
    }

    public void SkippedTick(string source) => _skipped.Add(1, Source(source));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private static IEnumerable<Measurement<int>> CircuitStates(SnapshotStore store, DateTimeOffset now) =>
        from source in store.GetAllMetadata()
        from feed in source.Feeds
        where feed.Circuit is not null
        select new Measurement<int>(
            (int)feed.Circuit!.StateAt(now),
            Source(source.Source),
            new KeyValuePair<string, object?>(TransitDashTelemetry.FeedTag, feed.Feed));

    private static KeyValuePair<string, object?> Source(string source) => new(TransitDashTelemetry.SourceTag, source);
}
