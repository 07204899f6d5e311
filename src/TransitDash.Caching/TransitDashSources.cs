namespace TransitDash;

/// <summary>The names of the built-in sources: keys of the snapshot store, of health and history, and the
/// <c>source</c> tag of every metric.</summary>
public static class TransitDashSources
{
    /// <summary>The subway's GTFS-Realtime trip feeds, fetched together each cycle.</summary>
    public const string Subway = "subway";

    /// <summary>The Citi Bike (GBFS) system.</summary>
    public const string Citibike = "citibike";

    /// <summary>The service alert feed.</summary>
    public const string Alerts = "alerts";
}
