using TransitDash.Feeds.GtfsRealtime.Arrivals;

namespace TransitDash.Sources;

/// <summary>The real projection: each payload read from the wire once, the reads projected each cycle.</summary>
internal sealed class ArrivalProjection(ArrivalProjector projector) : IArrivalProjection
{
    public object Read(string feedName, ReadOnlyMemory<byte> payload) => projector.ReadFromWire(feedName, payload);

    public ProjectedArrivals Project(IReadOnlyList<object> reads, DateTimeOffset now) =>
        projector.ProjectRead(reads.Cast<WireTripFeed>().ToArray(), now);
}
