using TransitDash.Feeds.Gbfs;

namespace TransitDash.Hosting.Rendering;

/// <summary>The filters of <c>/api/citibike</c>.</summary>
/// <param name="StationId">One configured station.</param>
/// <param name="Near">Only stations within this circle.</param>
/// <param name="Limit">The most stations listed.</param>
public sealed record CitibikeFilter(string? StationId, GeoCircle? Near, int Limit)
{
    /// <summary>No filter, the default limit.</summary>
    public static CitibikeFilter None { get; } = new(null, null, 100);
}
