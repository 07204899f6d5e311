namespace TransitDash.Feeds.GtfsRealtime.Arrivals.Internal;

/// <summary>What a feed stop id matched: the station's display name and, for a platform matched by its
/// N/S suffix, that direction.</summary>
/// <param name="Station">The station's display name.</param>
/// <param name="SuffixDirection"><c>N</c> or <c>S</c> for a platform matched by suffix, else null.</param>
internal readonly record struct StopMatch(string Station, string? SuffixDirection);
