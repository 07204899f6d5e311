namespace TransitDash.Feeds.GtfsRealtime.Arrivals;

/// <summary>A station to list arrivals for.</summary>
/// <param name="Name">The display name; null to take it from the stop catalog.</param>
/// <param name="StopIds">Stop ids; each matches itself and the same id followed by <c>N</c> or <c>S</c>.</param>
public sealed record SubwayStation(string? Name, IReadOnlyList<string> StopIds);
