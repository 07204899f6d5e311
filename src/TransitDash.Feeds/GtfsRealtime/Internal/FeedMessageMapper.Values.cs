using WireAlert = TransitDash.Feeds.GtfsRealtime.Wire.Alert;
using WireDirection = TransitDash.Feeds.GtfsRealtime.Wire.Nyct.NyctTripDescriptor.Types.Direction;
using WireOccupancy = TransitDash.Feeds.GtfsRealtime.Wire.VehiclePosition.Types.OccupancyStatus;
using WireStopRelationship = TransitDash.Feeds.GtfsRealtime.Wire.TripUpdate.Types.StopTimeUpdate.Types.ScheduleRelationship;
using WireStopStatus = TransitDash.Feeds.GtfsRealtime.Wire.VehiclePosition.Types.VehicleStopStatus;
using WireTripRelationship = TransitDash.Feeds.GtfsRealtime.Wire.TripDescriptor.Types.ScheduleRelationship;

namespace TransitDash.Feeds.GtfsRealtime.Internal;

// Scalar conversions. Enum values a producer invents (numbers the reference does not define)
// fall back to the reference's default or to "unknown" instead of leaking undefined enum values
// into the public records.
internal sealed partial class FeedMessageMapper
{
    // DateTimeOffset covers 0001-01-01 to 9999-12-31; a Unix time outside that is corrupt data.
    private const long MinUnixSeconds = -62_135_596_800;
    private const long MaxUnixSeconds = 253_402_300_799;

    private DateTimeOffset Time(ulong unixSeconds, string what) =>
        unixSeconds <= MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds((long)unixSeconds)
            : throw EntityProblem($"{what} {unixSeconds} is out of range");

    private DateTimeOffset Time(long unixSeconds, string what) =>
        unixSeconds is >= MinUnixSeconds and <= MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds(unixSeconds)
            : throw EntityProblem($"{what} {unixSeconds} is out of range");

    private static StopScheduleRelationship ToStopScheduleRelationship(WireStopRelationship value) => value switch
    {
        WireStopRelationship.Skipped => StopScheduleRelationship.Skipped,
        WireStopRelationship.NoData => StopScheduleRelationship.NoData,
        WireStopRelationship.Unscheduled => StopScheduleRelationship.Unscheduled,
        _ => StopScheduleRelationship.Scheduled,
    };

    private static TripScheduleRelationship ToTripScheduleRelationship(WireTripRelationship value) => value switch
    {
        WireTripRelationship.Added => TripScheduleRelationship.Added,
        WireTripRelationship.Unscheduled => TripScheduleRelationship.Unscheduled,
        WireTripRelationship.Canceled => TripScheduleRelationship.Canceled,
        WireTripRelationship.Replacement => TripScheduleRelationship.Replacement,
        WireTripRelationship.Duplicated => TripScheduleRelationship.Duplicated,
        WireTripRelationship.Deleted => TripScheduleRelationship.Deleted,
        WireTripRelationship.New => TripScheduleRelationship.New,
        _ => TripScheduleRelationship.Scheduled,
    };

    private static VehicleStopStatus? ToVehicleStopStatus(WireStopStatus value) => value switch
    {
        WireStopStatus.IncomingAt => VehicleStopStatus.IncomingAt,
        WireStopStatus.StoppedAt => VehicleStopStatus.StoppedAt,
        WireStopStatus.InTransitTo => VehicleStopStatus.InTransitTo,
        _ => null,
    };

    private static OccupancyStatus? ToOccupancyStatus(WireOccupancy value) => value switch
    {
        WireOccupancy.Empty => OccupancyStatus.Empty,
        WireOccupancy.ManySeatsAvailable => OccupancyStatus.ManySeatsAvailable,
        WireOccupancy.FewSeatsAvailable => OccupancyStatus.FewSeatsAvailable,
        WireOccupancy.StandingRoomOnly => OccupancyStatus.StandingRoomOnly,
        WireOccupancy.CrushedStandingRoomOnly => OccupancyStatus.CrushedStandingRoomOnly,
        WireOccupancy.Full => OccupancyStatus.Full,
        WireOccupancy.NotAcceptingPassengers => OccupancyStatus.NotAcceptingPassengers,
        WireOccupancy.NoDataAvailable => OccupancyStatus.NoDataAvailable,
        WireOccupancy.NotBoardable => OccupancyStatus.NotBoardable,
        _ => null,
    };

    private static NyctDirection? ToNyctDirection(WireDirection value) => value switch
    {
        WireDirection.North => NyctDirection.North,
        WireDirection.East => NyctDirection.East,
        WireDirection.South => NyctDirection.South,
        WireDirection.West => NyctDirection.West,
        _ => null,
    };

    private static AlertCause ToAlertCause(WireAlert.Types.Cause value) =>
        value is >= WireAlert.Types.Cause.UnknownCause and <= WireAlert.Types.Cause.MedicalEmergency
            ? (AlertCause)(int)value
            : AlertCause.UnknownCause;

    private static AlertEffect ToAlertEffect(WireAlert.Types.Effect value) =>
        value is >= WireAlert.Types.Effect.NoService and <= WireAlert.Types.Effect.AccessibilityIssue
            ? (AlertEffect)(int)value
            : AlertEffect.UnknownEffect;
}
