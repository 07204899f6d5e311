using TransitDash.Feeds.GtfsRealtime.Arrivals;

namespace TransitDash.Sources;

/// <summary>Projects the feeds' held payloads into arrivals and per-feed summaries: <see cref="ArrivalProjector"/>
/// in the host, a fake in tests that exercise the cycle rather than the projection rules.</summary>
internal interface IArrivalProjection
{
    /// <summary>Projects payloads the client has already accepted.</summary>
    /// <param name="feeds">Each held feed's name and payload, in configured feed order.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The arrivals and one summary per feed given, in the same order.</returns>
    ProjectedArrivals Project(IReadOnlyList<(string FeedName, ReadOnlyMemory<byte> Payload)> feeds, DateTimeOffset now);
}
