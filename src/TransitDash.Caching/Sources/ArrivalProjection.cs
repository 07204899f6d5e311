using TransitDash.Feeds.GtfsRealtime.Arrivals;

namespace TransitDash.Sources;

/// <summary>The real projection, straight from the payload bytes.</summary>
internal sealed class ArrivalProjection(ArrivalProjector projector) : IArrivalProjection
{
    public ProjectedArrivals Project(IReadOnlyList<(string FeedName, ReadOnlyMemory<byte> Payload)> feeds, DateTimeOffset now) =>
        projector.ProjectFromWire(feeds, now);
}
