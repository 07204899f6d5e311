namespace TransitDash.Snapshots;

/// <summary>The figures of one feed of a source (for the subway, each GTFS-Realtime feed; for bikes, each
/// GBFS document), counted over its requests.</summary>
/// <param name="Feed">The feed's configured name.</param>
public sealed record FeedMetadata(string Feed) : AttemptFigures
{
    /// <summary>The HTTP status of the last request, when one was received.</summary>
    public int? LastStatusCode { get; init; }

    /// <summary>The body size of the last successful request, when known.</summary>
    public long? LastBytes { get; init; }
}
