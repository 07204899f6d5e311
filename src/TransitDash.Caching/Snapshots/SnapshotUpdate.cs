namespace TransitDash.Snapshots;

/// <summary>What one ended attempt brings to a source's snapshot: new data or not, an error or not, and
/// the requests it made. Applied whole by <see cref="SnapshotStore"/>.</summary>
/// <param name="At">When the attempt ended.</param>
internal sealed record SnapshotUpdate(DateTimeOffset At)
{
    /// <summary>True when <see cref="Data"/> is new data to publish; false keeps the data held.</summary>
    public bool HasData { get; init; }

    public object? Data { get; init; }

    /// <summary>Set when the attempt failed (for the subway, when any feed failed, even if others brought data).</summary>
    public SnapshotError? Error { get; init; }

    public TimeSpan? Duration { get; init; }

    public IReadOnlyList<FeedAttempt> Attempts { get; init; } = [];

    /// <summary>The source's current warnings; null keeps the previous ones.</summary>
    public IReadOnlyList<string>? Warnings { get; init; }

    public DateTimeOffset? UpstreamTime { get; init; }

    public int? EntityCount { get; init; }
}
