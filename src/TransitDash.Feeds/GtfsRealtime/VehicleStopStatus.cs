namespace TransitDash.Feeds.GtfsRealtime;

/// <summary>A vehicle's status relative to its current stop.</summary>
public enum VehicleStopStatus
{
    /// <summary>About to arrive at the stop.</summary>
    IncomingAt = 0,

    /// <summary>Standing at the stop.</summary>
    StoppedAt = 1,

    /// <summary>Departed the previous stop, in transit.</summary>
    InTransitTo = 2,
}
