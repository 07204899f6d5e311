namespace TransitDash.Feeds.Gbfs;

/// <summary>The result of <see cref="DockStatusProjector.Project"/>.</summary>
/// <param name="Stations">The selected stations' status: configured order, then by distance; each once.</param>
/// <param name="MissingStations">Configured stations (by id or name) that the system lacks: a warning, not an error.</param>
/// <param name="StationsWithoutStatus">Selected stations present in station information but not in station status.</param>
public sealed record DockStatusProjection(
    IReadOnlyList<DockStatus> Stations,
    IReadOnlyList<string> MissingStations,
    IReadOnlyList<string> StationsWithoutStatus);
