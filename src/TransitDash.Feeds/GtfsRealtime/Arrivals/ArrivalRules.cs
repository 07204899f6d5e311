namespace TransitDash.Feeds.GtfsRealtime.Arrivals;

/// <summary>Named, switchable rules for known MTA data quirks. Each applies only where the NYCT
/// extension is present; feeds of other producers are never filtered by them.</summary>
public sealed class ArrivalRules
{
    /// <summary>Drop trips whose <c>is_assigned</c> is false or absent and whose first stop time is
    /// before the feed's header time (schedule placeholders the MTA leaves behind).</summary>
    /// <value>Defaults to true.</value>
    public bool DropStaleUnassignedTrips { get; init; } = true;

    /// <summary>Mark a train <c>stalled</c> when its vehicle position is older than
    /// <see cref="StalledAfter"/> relative to the feed's header time.</summary>
    /// <value>Defaults to true.</value>
    public bool MarkStalledTrains { get; init; } = true;

    /// <summary>How much older than the header a vehicle's last movement must be to count as stalled.</summary>
    /// <value>Defaults to 90 seconds.</value>
    public TimeSpan StalledAfter { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>When a platform's N/S suffix contradicts the trip's NYCT direction, keep the arrival
    /// with the suffix's direction and log the contradiction once per feed.</summary>
    /// <value>Defaults to true. When false, the NYCT direction is reported instead.</value>
    public bool PlatformSuffixWins { get; init; } = true;
}
