using TransitDash.Feeds.GtfsRealtime;

namespace TransitDash.Sources;

/// <summary>The alert source's data: every alert of the feed, in feed order. Which are active and which
/// touch the configured lines and stations is for the reader to decide at read time
/// (<see cref="ServiceAlert.IsActiveAt"/>).</summary>
/// <param name="Alerts">The alerts.</param>
/// <param name="HeaderTime">The feed's header time; null when absent.</param>
public sealed record AlertBoard(IReadOnlyList<ServiceAlert> Alerts, DateTimeOffset? HeaderTime);
