namespace TransitDash.Feeds.GtfsRealtime;

/// <summary>The NYCT extension's direction of a trip.</summary>
public enum NyctDirection
{
    /// <summary>Northbound (uptown, toward the Bronx).</summary>
    North = 1,

    /// <summary>Eastbound.</summary>
    East = 2,

    /// <summary>Southbound (downtown, toward Brooklyn).</summary>
    South = 3,

    /// <summary>Westbound.</summary>
    West = 4,
}
