using TransitDash.Feeds.GtfsRealtime.Arrivals;

namespace TransitDash.Sources;

/// <summary>Reads each feed's payload once when it arrives, and projects the held reads into arrivals and per-feed
/// summaries every cycle: <see cref="ArrivalProjector"/> in the host, a fake in tests that exercise the cycle rather
/// than the projection rules.</summary>
internal interface IArrivalProjection
{
    /// <summary>Reads a payload the client has already accepted.</summary>
    /// <param name="feedName">The feed's name.</param>
    /// <param name="payload">The payload.</param>
    /// <returns>What <see cref="Project"/> takes for this feed.</returns>
    object Read(string feedName, ReadOnlyMemory<byte> payload);

    /// <summary>Projects reads at a time.</summary>
    /// <param name="reads">Each held feed's read, in configured feed order.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The arrivals and one summary per read given, in the same order.</returns>
    ProjectedArrivals Project(IReadOnlyList<object> reads, DateTimeOffset now);
}
