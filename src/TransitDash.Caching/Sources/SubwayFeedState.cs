namespace TransitDash.Sources;

/// <summary>One configured GTFS-Realtime feed's part of a <see cref="SubwayBoard"/>.</summary>
/// <param name="Name">The feed's configured name.</param>
/// <param name="LastSuccess">When the feed last answered successfully (a "not modified" included); null when never.</param>
/// <param name="HeaderTime">The header time of the payload in use; null when none or absent.</param>
/// <param name="TripUpdates">How many trip updates the payload in use holds (deleted ones left out).</param>
/// <param name="VehiclePositions">How many vehicle positions the payload in use holds (deleted ones left out).</param>
/// <param name="LastAttemptFailed">True when the feed's latest request failed (its previous payload is still used).</param>
public sealed record SubwayFeedState(
    string Name,
    DateTimeOffset? LastSuccess,
    DateTimeOffset? HeaderTime,
    int TripUpdates,
    int VehiclePositions,
    bool LastAttemptFailed)
{
    /// <summary>Problems with this feed's data that do not fail it, such as a missing header time.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
