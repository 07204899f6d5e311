using TransitDash.Feeds.GtfsRealtime.Arrivals;

namespace TransitDash.Testing;

/// <summary>Station sets that tests of several packages project recordings for.</summary>
public static class TestStations
{
    /// <summary>The Financial District stations of the performance issue (419 230 M23 139 R26 142 420): on
    /// every MTA recording together they match 1091 stop time updates.</summary>
    public static IReadOnlyList<SubwayStation> FiDi { get; } =
    [
        new("Wall St", ["419", "230"]),
        new("Broad St", ["M23"]),
        new("Rector St", ["139", "R26"]),
        new("South Ferry", ["142"]),
        new("Bowling Green", ["420"]),
    ];

    /// <summary>The Financial District board of the repository's config.yaml: <see cref="FiDi"/> and Whitehall St, in
    /// the config's order.</summary>
    public static IReadOnlyList<SubwayStation> FiDiBoard { get; } =
    [
        new("Wall St", ["419", "230"]),
        new("Broad St", ["M23"]),
        new("Rector St", ["139", "R26"]),
        new("South Ferry", ["142"]),
        new("Whitehall St", ["R27"]),
        new("Bowling Green", ["420"]),
    ];
}
