namespace TransitDash.Feeds.GtfsRealtime.Arrivals;

/// <summary>Rider-facing names of NYC subway routes.</summary>
public static class SubwayLines
{
    /// <summary>The line name a rider knows: express variants (<c>5X</c>, <c>6X</c>, <c>7X</c>) lose the
    /// <c>X</c> (so does <c>FX</c>, the F express of recent static data); the shuttles (<c>GS</c>, <c>FS</c>, <c>H</c>) are <c>S</c>; anything else is unchanged.</summary>
    /// <param name="routeId">The route id as the feed sent it.</param>
    /// <returns>The rider's line name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="routeId"/> is null.</exception>
    public static string RiderName(string routeId)
    {
        ArgumentNullException.ThrowIfNull(routeId);

        // Constant strings rather than Substring: this runs once per listed arrival on every poll.
        return routeId switch
        {
            "5X" => "5",
            "6X" => "6",
            "7X" => "7",
            "FX" => "F",
            "GS" or "FS" or "H" => "S",
            _ => routeId,
        };
    }
}
