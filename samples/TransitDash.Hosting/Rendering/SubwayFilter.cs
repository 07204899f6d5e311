using TransitDash.Feeds.GtfsRealtime.Arrivals;

namespace TransitDash.Hosting.Rendering;

/// <summary>The filters of <c>/api/subway</c>; all null means every arrival.</summary>
/// <param name="Station">A station name, case-insensitive.</param>
/// <param name="StopId">A configured stop id or platform id.</param>
/// <param name="Line">A line (rider's name) or route id.</param>
/// <param name="Direction"><c>N</c> or <c>S</c>.</param>
/// <param name="Limit">The most arrivals listed.</param>
public sealed record SubwayFilter(string? Station, string? StopId, string? Line, string? Direction, int Limit)
{
    /// <summary>No filter, the default limit.</summary>
    public static SubwayFilter None { get; } = new(null, null, null, null, 100);

    /// <summary>Whether an arrival passes every filter.</summary>
    public bool Matches(Arrival arrival)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        return (Station is null || string.Equals(arrival.Station, Station, StringComparison.OrdinalIgnoreCase))
            && (StopId is null || SubwayView.AtStop(arrival.StopId, StopId))
            && (Line is null || string.Equals(arrival.Line, Line, StringComparison.OrdinalIgnoreCase) || string.Equals(arrival.RouteId, Line, StringComparison.OrdinalIgnoreCase))
            && (Direction is null || string.Equals(arrival.Direction, Direction, StringComparison.Ordinal));
    }
}
