namespace TransitDash.Health;

/// <summary>The health of one feed of a source (the <c>feeds</c> of a source in <c>/api/health</c>), by the
/// same rules as a source's.</summary>
/// <param name="Feed">The feed's configured name.</param>
/// <param name="Status">The feed's status.</param>
public sealed record FeedHealth(string Feed, SourceHealthStatus Status) : HealthFigures(Status)
{
    /// <summary>The HTTP status of the last request, when one was received.</summary>
    public int? LastStatusCode { get; init; }
}
