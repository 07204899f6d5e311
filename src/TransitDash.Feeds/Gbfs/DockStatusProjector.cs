namespace TransitDash.Feeds.Gbfs;

/// <summary>Selects the configured stations of a <see cref="GbfsSystem"/> and computes their dock status.</summary>
public static class DockStatusProjector
{
    /// <summary>Projects the selection.</summary>
    /// <param name="system">The joined system.</param>
    /// <param name="selection">Which stations to report.</param>
    /// <returns>The statuses and the stations that could not be found.</returns>
    public static DockStatusProjection Project(GbfsSystem system, BikeStationSelection selection)
        => throw new NotImplementedException();
}
