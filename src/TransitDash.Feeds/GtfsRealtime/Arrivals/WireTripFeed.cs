namespace TransitDash.Feeds.GtfsRealtime.Arrivals;

/// <summary>One trip feed's payload as <see cref="ArrivalProjector.ReadFromWire"/> read it: what
/// <see cref="ArrivalProjector.ProjectRead"/> needs to list its arrivals at any time without reading the bytes
/// again. Immutable; it refers to the payload's memory, which must not change, and belongs to the projector
/// that read it.</summary>
public sealed class WireTripFeed
{
    internal WireTripFeed(ArrivalProjector projector, ArrivalProjector.WirePart part)
    {
        Projector = projector;
        Part = part;
        Summary = part.Summary();
    }

    /// <summary>The feed's configured name.</summary>
    public string FeedName => Part.FeedName;

    /// <summary>The feed's header time and entity counts.</summary>
    public TripFeedSummary Summary { get; }

    internal ArrivalProjector Projector { get; }

    internal ArrivalProjector.WirePart Part { get; }
}
