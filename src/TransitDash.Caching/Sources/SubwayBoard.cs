using TransitDash.Feeds.GtfsRealtime.Arrivals;

namespace TransitDash.Sources;

/// <summary>The subway source's data: the arrivals at the configured stations, projected straight from every
/// feed's last good payload in configured feed order, and what each feed contributed.</summary>
/// <param name="Arrivals">The arrivals, soonest first, as projected at <paramref name="ProjectedAt"/>.
/// Minutes until arrival are for the reader to compute at read time.</param>
/// <param name="Stations">The configured stations with their display names resolved (configuration, else
/// static GTFS, else the first stop id), in configured order.</param>
/// <param name="Feeds">Each configured feed's part, in configured order.</param>
/// <param name="ProjectedAt">When the arrivals were projected.</param>
public sealed record SubwayBoard(
    IReadOnlyList<Arrival> Arrivals,
    IReadOnlyList<SubwayStation> Stations,
    IReadOnlyList<SubwayFeedState> Feeds,
    DateTimeOffset ProjectedAt)
{
    /// <summary>The oldest of the feeds' last successful fetch times, among feeds that have data: the age of
    /// the stalest part of the board (<c>last_updated</c> of <c>/api/subway</c>). Null when no feed has data.</summary>
    public DateTimeOffset? LastUpdated => Feeds.Where(f => f.LastSuccess is not null).Min(f => f.LastSuccess);

    /// <summary>The newest header time among the feeds: when the producer made the freshest part.</summary>
    public DateTimeOffset? NewestHeaderTime => Feeds.Max(f => f.HeaderTime);
}
