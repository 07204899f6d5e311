namespace TransitDash.Simulator;

/// <summary>What the demo upstream plays: the stations and feeds a host is configured with.</summary>
public sealed class DemoScenario
{
    /// <summary>Subway stations: a name and the parent stop ids (for example <c>419</c>).</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<string> StopIds)> SubwayStations { get; init; } = [];

    /// <summary>The configured subway feed names, in order (for example <c>1234567S</c>, <c>ACE</c>).</summary>
    public IReadOnlyList<string> SubwayFeeds { get; init; } = [];

    /// <summary>Bike stations configured by name or id.</summary>
    public IReadOnlyList<(string? Id, string? Name)> BikeStations { get; init; } = [];

    /// <summary>The point bike stations are placed around, and the radius they fall within.</summary>
    public (double Latitude, double Longitude, double RadiusMeters) BikeArea { get; init; } = (40.7066, -74.0111, 400);

    /// <summary>The share of minutes in which a given feed is down (503); 0 = never. The default makes
    /// some feed fail about once every half hour, so a board shows an outage and its recovery.</summary>
    public double ErrorRate { get; init; } = 0.003;

    /// <summary>The seed of every random choice, so a demo is repeatable.</summary>
    public int Seed { get; init; } = 20260923;
}
