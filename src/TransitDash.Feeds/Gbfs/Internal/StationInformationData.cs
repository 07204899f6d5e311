namespace TransitDash.Feeds.Gbfs.Internal;

/// <summary><c>data</c> of <c>station_information</c>.</summary>
internal sealed class StationInformationData
{
    public List<StationInformationWire?>? Stations { get; init; }
}
