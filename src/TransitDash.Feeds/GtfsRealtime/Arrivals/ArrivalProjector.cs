using Microsoft.Extensions.Logging;
using TransitDash.Feeds.GtfsStatic;

namespace TransitDash.Feeds.GtfsRealtime.Arrivals;

/// <summary>Turns parsed trip feeds into the arrivals at the configured stations.</summary>
public sealed class ArrivalProjector
{
    /// <summary>Creates a projector.</summary>
    /// <param name="options">The stations, horizon and rules.</param>
    /// <param name="stopCatalog">Station names for stations configured by stop ids alone; null for none.</param>
    /// <param name="logger">Where rule hits are logged; null for none.</param>
    public ArrivalProjector(ArrivalProjectorOptions options, StopCatalog? stopCatalog = null, ILogger<ArrivalProjector>? logger = null)
        => throw new NotImplementedException();

    /// <summary>Projects arrivals from feeds given in configured feed order.</summary>
    /// <param name="feeds">The parsed feeds; earlier feeds win duplicates.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The arrivals, soonest first.</returns>
    public IReadOnlyList<Arrival> Project(IEnumerable<GtfsRealtimeFeed> feeds, DateTimeOffset now)
        => throw new NotImplementedException();
}
