namespace TransitDash.Feeds.GtfsRealtime.Arrivals.Internal;

/// <summary>How one feed went through <see cref="ArrivalProjector.ProjectFromWireReporting"/>,
/// for tests and benchmarks.</summary>
/// <param name="MatchedStops">Stop time updates at a configured stop, before any rule.</param>
/// <param name="FallbackReason">Why the feed was read with the typed parser instead of from the wire; null when it was not.</param>
internal readonly record struct WireReadReport(int MatchedStops, string? FallbackReason);
