namespace TransitDash.Feeds.GtfsRealtime;

/// <summary>How full a vehicle is.</summary>
public enum OccupancyStatus
{
    /// <summary>Few or no passengers.</summary>
    Empty = 0,

    /// <summary>Many seats free.</summary>
    ManySeatsAvailable = 1,

    /// <summary>Few seats free.</summary>
    FewSeatsAvailable = 2,

    /// <summary>Standing room only.</summary>
    StandingRoomOnly = 3,

    /// <summary>Crowded standing room only.</summary>
    CrushedStandingRoomOnly = 4,

    /// <summary>Full.</summary>
    Full = 5,

    /// <summary>Not taking passengers.</summary>
    NotAcceptingPassengers = 6,

    /// <summary>No occupancy data.</summary>
    NoDataAvailable = 7,

    /// <summary>Not boardable (for example an engine).</summary>
    NotBoardable = 8,
}
