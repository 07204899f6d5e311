using TransitDash.Feeds;

namespace TransitDash.Health;

/// <summary>A source's status right after one poll tick: an ended attempt, or a tick skipped because the
/// previous fetch was still running (no duration), so that a hanging fetch shows in history.</summary>
/// <param name="Time">When.</param>
/// <param name="Status">The source's status then.</param>
/// <param name="Duration">How long the attempt took; null for a skipped tick.</param>
/// <param name="ErrorKind">What went wrong, when the attempt failed.</param>
public readonly record struct HealthSample(DateTimeOffset Time, SourceHealthStatus Status, TimeSpan? Duration, FeedErrorKind? ErrorKind);
