using TransitDash.Feeds.Gbfs;

namespace TransitDash.Sources;

/// <summary>The bike source's data: the configured stations' dock status.</summary>
/// <param name="Stations">The stations, configured ones in order then nearby ones by distance.</param>
/// <param name="SystemLastUpdated">The station status document's <c>last_updated</c>: the upstream's own age of the data.</param>
/// <param name="Ttl">The status document's <c>ttl</c> in seconds (reported; it never slows polling).</param>
/// <param name="GbfsVersion">The GBFS version of the status document.</param>
public sealed record BikeBoard(
    IReadOnlyList<DockStatus> Stations,
    DateTimeOffset? SystemLastUpdated,
    int? Ttl,
    string GbfsVersion)
{
    /// <summary>Configured stations (by id or name) that the system lacks.</summary>
    public IReadOnlyList<string> MissingStations { get; init; } = [];

    /// <summary>Selected stations that station status has no entry for.</summary>
    public IReadOnlyList<string> StationsWithoutStatus { get; init; } = [];
}
