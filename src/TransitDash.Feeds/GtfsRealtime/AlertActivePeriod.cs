namespace TransitDash.Feeds.GtfsRealtime;

/// <summary>One period during which an alert is in force.</summary>
/// <param name="Start">Start of the period; null means since forever.</param>
/// <param name="End">End of the period; null means until further notice.</param>
public sealed record AlertActivePeriod(DateTimeOffset? Start, DateTimeOffset? End);
