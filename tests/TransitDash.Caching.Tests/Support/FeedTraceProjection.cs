using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Sources;

namespace TransitDash.Caching.Tests.Support;

/// <summary>A projection that turns every trip update into one arrival named after its feed, so a test sees
/// which feeds' parts are in a merge, in which order, which payloads were read and at which time the projection
/// ran. It reads the payloads with the typed parser: tests of the cycle need the trips, not the wire projection's
/// rules.</summary>
internal sealed class FeedTraceProjection : IArrivalProjection
{
    public List<DateTimeOffset> ProjectedAt { get; } = [];

    /// <summary>The feeds whose payloads were read, in the order they were.</summary>
    public List<string> Reads { get; } = [];

    public object Read(string feedName, ReadOnlyMemory<byte> payload)
    {
        Reads.Add(feedName);
        return GtfsRealtimeParser.ParseTripFeed(feedName, payload.Span);
    }

    public ProjectedArrivals Project(IReadOnlyList<object> reads, DateTimeOffset now)
    {
        ProjectedAt.Add(now);
        var parsed = reads.Cast<GtfsRealtimeFeed>().ToArray();
        var arrivals = parsed.SelectMany(f => f.TripUpdates.Select(t => new Arrival(
            "4", "Wall St", "N", "4", "419N", now.AddMinutes(3), t.Trip.TripId!, t.Trip.StartDate, null, true, null, 0, false, f.FeedName))).ToArray();
        return new ProjectedArrivals(arrivals, parsed.Select(f => new TripFeedSummary(f.FeedName, f.HeaderTime, f.TripUpdates.Count, f.VehiclePositions.Count)).ToArray());
    }
}
