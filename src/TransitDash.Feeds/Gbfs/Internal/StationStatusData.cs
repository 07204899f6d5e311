namespace TransitDash.Feeds.Gbfs.Internal;

/// <summary><c>data</c> of <c>station_status</c>.</summary>
internal sealed class StationStatusData
{
    public List<StationStatusWire?>? Stations { get; init; }
}
