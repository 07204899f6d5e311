using TransitDash.Feeds.GtfsRealtime.Internal;

namespace TransitDash.Feeds.GtfsRealtime.Arrivals.Internal;

/// <summary>A trip descriptor as the wire pass reads it: strings stay bytes in the payload until an arrival
/// needs them. Absent members are <see cref="Utf8Slice.None"/> or null, as in <see cref="TripDescriptor"/>.</summary>
internal struct WireTrip
{
    public Utf8Slice TripId;
    public Utf8Slice RouteId;
    public Utf8Slice StartDate;
    public Utf8Slice TrainId;
    public uint? DirectionId;
    public bool? IsAssigned;
    public NyctDirection? NyctDirection;
    public int ScheduleRelationship;
    public bool HasNyctExtension;

    /// <summary>Where this trip's listable stops start in <see cref="WireScratch.Stops"/>.</summary>
    public int FirstStop;

    /// <summary>How many listable stops the trip has.</summary>
    public int StopCount;

    public static WireTrip Absent => new()
    {
        TripId = Utf8Slice.None,
        RouteId = Utf8Slice.None,
        StartDate = Utf8Slice.None,
        TrainId = Utf8Slice.None,
    };
}
