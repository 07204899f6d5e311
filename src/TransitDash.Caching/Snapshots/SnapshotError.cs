using TransitDash.Feeds;

namespace TransitDash.Snapshots;

/// <summary>Why an attempt failed.</summary>
/// <param name="Kind">What went wrong; its wire name (<see cref="FeedErrorKindExtensions.ToWireName"/>) is
/// what <c>/api/health</c> and metrics report.</param>
/// <param name="Message">What happened, naming the feed; never a secret or a keyed URL.</param>
/// <param name="At">When the attempt ended.</param>
public sealed record SnapshotError(FeedErrorKind Kind, string Message, DateTimeOffset At);
