using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.GtfsRealtime.Arrivals;

namespace TransitDash.Sources;

/// <summary>Projects merged feeds into arrivals: <see cref="ArrivalProjector"/> in the host, a fake in tests
/// that exercise the cycle rather than the projection rules.</summary>
internal interface IArrivalProjection
{
    IReadOnlyList<Arrival> Project(IEnumerable<GtfsRealtimeFeed> feeds, DateTimeOffset now);
}
