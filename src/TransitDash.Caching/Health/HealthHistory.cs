using System.Collections.Concurrent;
using TransitDash.Internal;

namespace TransitDash.Health;

/// <summary>Each source's health over time: one sample per poll tick, kept in a ring per source for the
/// retention (memory bounded by retention over the source's interval), aggregated on request into windows
/// of 5, 15, 30 or 60 minutes.</summary>
public sealed class HealthHistory
{
    /// <summary>The most windows one query returns, so a request cannot ask for unbounded work.</summary>
    private const int MaxWindows = 10_000;

    private readonly ConcurrentDictionary<string, RingBuffer<HealthSample>> _samples = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an empty history.</summary>
    /// <param name="retention">How long samples are kept.</param>
    /// <param name="timeProvider">The clock of queries.</param>
    public HealthHistory(TimeSpan retention, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retention, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Retention = retention;
        _timeProvider = timeProvider;
    }

    /// <summary>The window lengths a query may use: 5, 15, 30 and 60 minutes.</summary>
    public static IReadOnlyList<TimeSpan> WindowLengths { get; } =
        [TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60)];

    /// <summary>How long samples are kept.</summary>
    public TimeSpan Retention { get; }

    /// <summary>The sources that have a history.</summary>
    public IReadOnlyCollection<string> Sources => _samples.Keys.ToArray();

    /// <summary>The health of a source over the windows of the last <paramref name="span"/>, oldest first.
    /// Windows are aligned to multiples of their length (a 15-minute window starts at :00, :15, :30 or :45),
    /// and the last one holds now.</summary>
    /// <param name="source">The source's name.</param>
    /// <param name="window">One of <see cref="WindowLengths"/>.</param>
    /// <param name="span">How far back to go, for example 24 hours.</param>
    /// <returns>One row per window.</returns>
    /// <exception cref="ArgumentException">The source has no history.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The window is not one of <see cref="WindowLengths"/>, or
    /// the span is not positive or asks for too many windows.</exception>
    public IReadOnlyList<HistoryWindow> Query(string source, TimeSpan window, TimeSpan span)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!WindowLengths.Contains(window))
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be 5, 15, 30 or 60 minutes.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(span, TimeSpan.Zero);
        var count = (int)Math.Min(MaxWindows + 1, Math.Ceiling(span / window));
        if (count > MaxWindows)
        {
            throw new ArgumentOutOfRangeException(nameof(span), span, $"The span asks for more than {MaxWindows} windows.");
        }

        if (!_samples.TryGetValue(source, out var ring))
        {
            throw new ArgumentException($"Source '{source}' has no history.", nameof(source));
        }

        var now = _timeProvider.GetUtcNow();
        var oldestKept = now - Retention;
        var lastStart = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % window.Ticks), TimeSpan.Zero);
        var firstStart = lastStart - ((count - 1) * window);

        var buckets = new List<HealthSample>[count];
        foreach (var sample in ring.ToArray())
        {
            if (sample.Time < oldestKept || sample.Time < firstStart || sample.Time > now)
            {
                continue;
            }

            var index = (int)((sample.Time - firstStart) / window);
            (buckets[index] ??= []).Add(sample);
        }

        var rows = new HistoryWindow[count];
        for (var i = 0; i < count; i++)
        {
            rows[i] = Aggregate(firstStart + (i * window), window, buckets[i]);
        }

        return rows;
    }

    /// <summary>Starts a source's history, sized for its interval: at most one sample per tick is kept
    /// for the retention.</summary>
    internal void Register(string source, TimeSpan pollInterval)
    {
        var capacity = (int)Math.Clamp(Math.Ceiling(Retention / pollInterval) + 2, 16, 1_000_000);
        _samples.GetOrAdd(source, _ => new RingBuffer<HealthSample>(capacity));
    }

    /// <summary>Adds a sample to a source's history. The poller adds one per tick; a replicator adds the ones
    /// another replica's poller made. Samples of a source that has no history are ignored.</summary>
    /// <param name="source">The source's name.</param>
    /// <param name="sample">The sample.</param>
    public void Add(string source, HealthSample sample)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (_samples.TryGetValue(source, out var ring))
        {
            ring.Add(sample);
        }
    }

    /// <summary>How many samples of a source are kept at most: one per poll tick over the retention.</summary>
    /// <param name="source">The source's name.</param>
    /// <returns>The capacity; 0 for a source with no history.</returns>
    public int GetCapacity(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Size(source).Capacity;
    }

    /// <summary>How many samples a source holds, and at most may hold.</summary>
    internal (int Count, int Capacity) Size(string source) =>
        _samples.TryGetValue(source, out var ring) ? (ring.Count, ring.Capacity) : (0, 0);

    private static HistoryWindow Aggregate(DateTimeOffset start, TimeSpan length, List<HealthSample>? samples)
    {
        if (samples is null || samples.Count == 0)
        {
            return new HistoryWindow(start, length, 0, null, null, null, null, null, 0);
        }

        double Percent(SourceHealthStatus status) => 100.0 * samples.Count(s => s.Status == status) / samples.Count;

        var durations = samples.Where(s => s.Duration is not null).Select(s => s.Duration!.Value).Order().ToArray();
        return new HistoryWindow(
            start,
            length,
            samples.Count,
            Percent(SourceHealthStatus.Healthy),
            Percent(SourceHealthStatus.Stale),
            Percent(SourceHealthStatus.Error),
            NearestRank(durations, 50),
            NearestRank(durations, 95),
            samples.Count(s => s.ErrorKind is not null));
    }

    private static TimeSpan? NearestRank(TimeSpan[] sorted, int percentile)
    {
        if (sorted.Length == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
