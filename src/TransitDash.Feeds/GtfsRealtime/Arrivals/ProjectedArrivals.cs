namespace TransitDash.Feeds.GtfsRealtime.Arrivals;

/// <summary>The result of <see cref="ArrivalProjector.ProjectFromWire"/>.</summary>
/// <param name="Arrivals">The arrivals, soonest first (ties keep feed order, then entity order).</param>
/// <param name="Feeds">One summary per feed, in the order given.</param>
public sealed record ProjectedArrivals(IReadOnlyList<Arrival> Arrivals, IReadOnlyList<TripFeedSummary> Feeds);
