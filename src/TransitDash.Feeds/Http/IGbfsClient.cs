namespace TransitDash.Feeds.Http;

/// <summary>Fetches a GBFS system: discovery, then <c>station_information</c>, <c>station_status</c>
/// and (when listed) <c>vehicle_types</c>, joined. Only those feeds are read.</summary>
public interface IGbfsClient
{
    /// <summary>Fetches the system.</summary>
    /// <param name="source">The system.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The result.</returns>
    /// <exception cref="FeedException">A fetch or parse failed.</exception>
    Task<GbfsFetchResult> FetchAsync(GbfsSource source, CancellationToken cancellationToken = default);
}
