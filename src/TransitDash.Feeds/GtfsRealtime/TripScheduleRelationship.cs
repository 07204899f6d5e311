namespace TransitDash.Feeds.GtfsRealtime;

/// <summary>How a trip relates to the static schedule (GTFS-rt <c>TripDescriptor.ScheduleRelationship</c>).</summary>
public enum TripScheduleRelationship
{
    /// <summary>Running as scheduled.</summary>
    Scheduled = 0,

    /// <summary>An extra trip not in the schedule.</summary>
    Added = 1,

    /// <summary>A trip that runs without a schedule.</summary>
    Unscheduled = 2,

    /// <summary>A scheduled trip that was removed.</summary>
    Canceled = 3,

    /// <summary>Replaces a scheduled trip (deprecated in GTFS-rt).</summary>
    Replacement = 5,

    /// <summary>A copy of a scheduled trip at another time.</summary>
    Duplicated = 6,

    /// <summary>A trip removed and not to be shown to riders.</summary>
    Deleted = 7,

    /// <summary>A new trip unrelated to the schedule.</summary>
    New = 8,
}
