namespace TransitDash.Feeds.GtfsRealtime;

/// <summary>The cause of a service alert.</summary>
public enum AlertCause
{
    /// <summary>Unknown.</summary>
    UnknownCause = 1,

    /// <summary>Another cause.</summary>
    OtherCause = 2,

    /// <summary>A technical problem.</summary>
    TechnicalProblem = 3,

    /// <summary>A strike.</summary>
    Strike = 4,

    /// <summary>A demonstration.</summary>
    Demonstration = 5,

    /// <summary>An accident.</summary>
    Accident = 6,

    /// <summary>A holiday.</summary>
    Holiday = 7,

    /// <summary>Weather.</summary>
    Weather = 8,

    /// <summary>Maintenance.</summary>
    Maintenance = 9,

    /// <summary>Construction.</summary>
    Construction = 10,

    /// <summary>Police activity.</summary>
    PoliceActivity = 11,

    /// <summary>A medical emergency.</summary>
    MedicalEmergency = 12,
}
