namespace TransitDash.Feeds.GtfsRealtime;

/// <summary>How a stop time relates to the schedule (GTFS-rt <c>StopTimeUpdate.ScheduleRelationship</c>).</summary>
public enum StopScheduleRelationship
{
    /// <summary>The vehicle is predicted to serve the stop.</summary>
    Scheduled = 0,

    /// <summary>The stop is skipped.</summary>
    Skipped = 1,

    /// <summary>No prediction for this stop.</summary>
    NoData = 2,

    /// <summary>The trip runs without a schedule.</summary>
    Unscheduled = 3,
}
