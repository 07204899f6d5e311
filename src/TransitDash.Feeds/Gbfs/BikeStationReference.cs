namespace TransitDash.Feeds.Gbfs;

/// <summary>A configured bike station, by id or by name.</summary>
/// <param name="Id">The station id; when set it wins over the name.</param>
/// <param name="Name">The exact station name, compared case-insensitively.</param>
public sealed record BikeStationReference(string? Id, string? Name);
