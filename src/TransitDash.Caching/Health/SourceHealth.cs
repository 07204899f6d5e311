namespace TransitDash.Health;

/// <summary>The health of one source: everything a source reports in <c>/api/health</c>.</summary>
/// <param name="Source">The source's name.</param>
/// <param name="Status">The source's status.</param>
public sealed record SourceHealth(string Source, SourceHealthStatus Status) : HealthFigures(Status)
{
    /// <summary>Now minus <see cref="HealthFigures.LastUpdate"/>; null when never.</summary>
    public TimeSpan? Age { get; init; }

    /// <summary>The snapshot's data version (what data ETags are made from).</summary>
    public long Version { get; init; }

    /// <summary>True once data has been published.</summary>
    public bool HasData { get; init; }

    /// <summary>How many items the data holds, when known.</summary>
    public int? EntityCount { get; init; }

    /// <summary>Problems that do not fail an attempt (a configured station the feed lacks).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Per-feed health, in feed order.</summary>
    public IReadOnlyList<FeedHealth> Feeds { get; init; } = [];
}
