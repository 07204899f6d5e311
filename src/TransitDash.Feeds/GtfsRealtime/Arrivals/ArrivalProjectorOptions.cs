namespace TransitDash.Feeds.GtfsRealtime.Arrivals;

/// <summary>What <see cref="ArrivalProjector"/> lists.</summary>
public sealed class ArrivalProjectorOptions
{
    /// <summary>The stations to list, in display order.</summary>
    public IReadOnlyList<SubwayStation> Stations { get; init; } = [];

    /// <summary>Arrivals further out than this are not listed.</summary>
    /// <value>Defaults to 60 minutes.</value>
    public TimeSpan Horizon { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>Trains whose arrival is more than this in the past are gone and not listed.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan GoneAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The MTA data-quirk rules.</summary>
    public ArrivalRules Rules { get; init; } = new();
}
