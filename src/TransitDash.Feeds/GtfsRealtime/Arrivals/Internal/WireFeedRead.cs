namespace TransitDash.Feeds.GtfsRealtime.Arrivals.Internal;

/// <summary>What the wire pass found in one feed; the trips and vehicles sit in <see cref="WireScratch"/>.</summary>
internal readonly record struct WireFeedRead
{
    public DateTimeOffset? HeaderTime { get; init; }

    /// <summary>Trip update entities (deleted ones left out, as the typed model does).</summary>
    public int TripUpdates { get; init; }

    /// <summary>Vehicle position entities (deleted ones left out).</summary>
    public int VehiclePositions { get; init; }

    /// <summary>Trips dropped by the stale-unassigned rule.</summary>
    public int StaleUnassigned { get; init; }

    /// <summary>Stop time updates at a configured stop, before any rule.</summary>
    public int MatchedStops { get; init; }

    public int TripStart { get; init; }

    public int TripEnd { get; init; }

    public int VehicleStart { get; init; }

    public int VehicleEnd { get; init; }
}
