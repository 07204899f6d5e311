namespace TransitDash.Health;

/// <summary>The health of every source at one instant: the content of <c>/api/health</c>.</summary>
/// <param name="Status">All sources together.</param>
/// <param name="At">When the report was made.</param>
/// <param name="Uptime">How long the library has been running.</param>
/// <param name="Sources">One entry per source, in registration order.</param>
public sealed record HealthReport(OverallHealthStatus Status, DateTimeOffset At, TimeSpan Uptime, IReadOnlyList<SourceHealth> Sources)
{
    /// <summary>The entry of one source.</summary>
    /// <param name="source">The source's name (case-insensitive).</param>
    /// <returns>The entry, or null when there is no such source.</returns>
    public SourceHealth? Find(string source) =>
        Sources.FirstOrDefault(s => string.Equals(s.Source, source, StringComparison.OrdinalIgnoreCase));
}
