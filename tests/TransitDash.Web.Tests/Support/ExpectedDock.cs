using System.Text.Json.Nodes;
using TransitDash.Testing;

namespace TransitDash.Web.Tests.Support;

/// <summary>A Citi Bike station of the GBFS 2.3 capture (2026-09-29 19:39Z) that <see cref="RecordedConfig"/>
/// lists, with the figures /api/citibike must report, worked out by hand from station_status: the capture
/// has num_ebikes_available, so classic bikes are num_bikes_available minus it (W 17 St &amp; 7 Ave: 14 - 6
/// = 8, although its vehicle_types_available add up to 15).</summary>
internal sealed record ExpectedDock(string Id, string Name, int Bikes, int Ebikes, int Docks, int Capacity, int PercentFull, long LastReported)
{
    public const string W21StAnd6Ave = "66dc120f-0aca-11e7-82f6-3863bb44ef7c";
    public const string W18StAnd6Ave = "66db33fc-0aca-11e7-82f6-3863bb44ef7c";

    /// <summary>The configured stations in the API's order: by id, by name (another case), by name, then the
    /// two others within 300 m of W 21 St &amp; 6 Ave, nearest first (228 m, 271.5 m).</summary>
    public static readonly IReadOnlyList<ExpectedDock> Listed =
    [
        new(W21StAnd6Ave, "W 21 St & 6 Ave", 16, 37, 19, 74, 72, 1790710757),
        new("5f7ac86c-1a98-4603-8749-4bb83ac84acd", "Broadway & E 21 St", 4, 40, 2, 54, 81, 1790710726),
        new("2e74ea1d-02a0-47bf-9665-dce2d65de8d7", "W 17 St & 7 Ave", 8, 6, 28, 47, 30, 1790710734),
        new(W18StAnd6Ave, "W 18 St & 6 Ave", 25, 40, 1, 69, 94, 1790710758),
        new("66db95e5-0aca-11e7-82f6-3863bb44ef7c", "W 20 St & 7 Ave", 22, 16, 4, 44, 86, 1790710702),
    ];

    public static ExpectedDock Get(string id) => Listed.Single(s => s.Id == id);

    /// <summary>Checks that a /api/citibike body lists exactly these stations, in this order, with their counts.</summary>
    public static void AssertListed(JsonArray data, params ExpectedDock[] expected)
    {
        Assert.Equal(expected.Select(s => s.Id), data.Select(s => (string?)s!["station_id"]));
        for (var i = 0; i < expected.Length; i++)
        {
            expected[i].AssertSame(data[i]!);
        }
    }

    private void AssertSame(JsonNode station)
    {
        Assert.Equal(Name, (string?)station["name"]);
        Assert.Equal(Bikes, (int?)station["bikes_available"]);
        Assert.Equal(Ebikes, (int?)station["ebikes_available"]);
        Assert.Equal(Docks, (int?)station["docks_available"]);
        Assert.Equal(Capacity, (int?)station["total_capacity"]);
        Assert.Equal(PercentFull, (int?)station["percent_full"]);
        Assert.Equal(LastReported, (long?)station["last_reported"]);
        Assert.True((bool?)station["is_renting"]);
        Assert.True((bool?)station["is_returning"]);
    }
}
