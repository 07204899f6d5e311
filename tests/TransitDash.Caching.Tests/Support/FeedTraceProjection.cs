using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Sources;

namespace TransitDash.Caching.Tests.Support;

/// <summary>A projection that turns every trip update into one arrival named after its feed, so a test sees
/// which feeds' parts are in a merge, in which order, and at which time the projection ran.</summary>
internal sealed class FeedTraceProjection : IArrivalProjection
{
    public List<DateTimeOffset> ProjectedAt { get; } = [];

    public IReadOnlyList<Arrival> Project(IEnumerable<GtfsRealtimeFeed> feeds, DateTimeOffset now)
    {
        ProjectedAt.Add(now);
        return feeds.SelectMany(f => f.TripUpdates.Select(t => new Arrival(
            "4", "Wall St", "N", "4", "419N", now.AddMinutes(3), t.Trip.TripId!, t.Trip.StartDate, null, true, null, 0, false, f.FeedName))).ToArray();
    }
}
