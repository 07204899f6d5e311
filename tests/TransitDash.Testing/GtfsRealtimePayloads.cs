using Google.Protobuf;
using TransitDash.Feeds.GtfsRealtime.Wire;

namespace TransitDash.Testing;

/// <summary>Small built GTFS-Realtime payloads for tests that need real bytes but not a recording's content
/// (test projects outside TransitDash.Feeds cannot reach the generated protobuf types).</summary>
public static class GtfsRealtimePayloads
{
    /// <summary>A trip feed with one trip update per trip id (route <c>4</c>, start date <c>20250101</c>, no stop
    /// times, so it lists no arrivals).</summary>
    /// <param name="headerTime">The header time (whole seconds are kept); null leaves the header without one.</param>
    /// <param name="tripIds">The trips, in entity order.</param>
    /// <returns>The payload.</returns>
    public static byte[] TripFeed(DateTimeOffset? headerTime, params IEnumerable<string> tripIds)
    {
        var message = new FeedMessage { Header = new FeedHeader { GtfsRealtimeVersion = "2.0" } };
        if (headerTime is { } time)
        {
            message.Header.Timestamp = (ulong)time.ToUnixTimeSeconds();
        }

        foreach (var tripId in tripIds)
        {
            message.Entity.Add(new FeedEntity
            {
                Id = tripId,
                TripUpdate = new TripUpdate { Trip = new TripDescriptor { TripId = tripId, RouteId = "4", StartDate = "20250101" } },
            });
        }

        return message.ToByteArray();
    }
}
