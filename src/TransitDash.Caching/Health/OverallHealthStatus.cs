namespace TransitDash.Health;

/// <summary>The health of all sources together.</summary>
public enum OverallHealthStatus
{
    /// <summary>Every source is healthy.</summary>
    Healthy = 0,

    /// <summary>Some source is stale or in error, and some source has data.</summary>
    Degraded,

    /// <summary>No source has any data.</summary>
    Down,
}
