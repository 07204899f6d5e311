using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.GtfsRealtime.Arrivals;

namespace TransitDash.Sources;

/// <summary>The real projection.</summary>
internal sealed class ArrivalProjection(ArrivalProjector projector) : IArrivalProjection
{
    public IReadOnlyList<Arrival> Project(IEnumerable<GtfsRealtimeFeed> feeds, DateTimeOffset now) => projector.Project(feeds, now);
}
