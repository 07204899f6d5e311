namespace TransitDash.Feeds.GtfsRealtime;

/// <summary>The effect of a service alert.</summary>
public enum AlertEffect
{
    /// <summary>No service.</summary>
    NoService = 1,

    /// <summary>Reduced service.</summary>
    ReducedService = 2,

    /// <summary>Significant delays.</summary>
    SignificantDelays = 3,

    /// <summary>A detour.</summary>
    Detour = 4,

    /// <summary>Additional service.</summary>
    AdditionalService = 5,

    /// <summary>Modified service.</summary>
    ModifiedService = 6,

    /// <summary>Another effect.</summary>
    OtherEffect = 7,

    /// <summary>Unknown.</summary>
    UnknownEffect = 8,

    /// <summary>A stop moved.</summary>
    StopMoved = 9,

    /// <summary>No effect on service.</summary>
    NoEffect = 10,

    /// <summary>An accessibility issue.</summary>
    AccessibilityIssue = 11,
}
