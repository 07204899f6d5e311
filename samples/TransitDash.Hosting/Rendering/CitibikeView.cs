using System.Text.Json;
using TransitDash.Feeds.Gbfs;
using TransitDash.Snapshots;
using TransitDash.Sources;

namespace TransitDash.Hosting.Rendering;

/// <summary>The <c>/api/citibike</c> body of a bike snapshot.</summary>
public static class CitibikeView
{
    /// <summary>The body for a snapshot and a filter at this second (built once per second and query).</summary>
    public static CachedBody Render(FeedSnapshot<BikeBoard> snapshot, CitibikeFilter filter, string queryKey, DateTimeOffset now, ResponseCache cache)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(cache);
        return cache.GetOrAdd("citibike", snapshot.Version, queryKey, now.ToUnixTimeSeconds(), static state => new CachedBody(
            JsonSerializer.SerializeToUtf8Bytes(Build(state.snapshot, state.filter, state.now), ApiJsonContext.Web.CitibikeResponse),
            EntityTags.Make(state.snapshot.Version, state.queryKey, [])), (snapshot, filter, queryKey, now));
    }

    /// <summary>The body as a value: the configured stations in configured order, filtered.</summary>
    public static CitibikeResponse Build(FeedSnapshot<BikeBoard> snapshot, CitibikeFilter filter, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(filter);
        var listed = snapshot.Data!.Stations
            .Where(s => (filter.StationId is null || s.StationId == filter.StationId) && (filter.Near is null || filter.Near.Contains(s.Latitude, s.Longitude)))
            .Take(filter.Limit)
            .Select(ToJson)
            .ToArray();
        var lastUpdated = snapshot.Metadata.LastSuccess;
        return new CitibikeResponse(true, listed, lastUpdated?.ToUnixTimeSeconds(), SubwayView.Staleness(lastUpdated, now));
    }

    private static DockJson ToJson(DockStatus s) => new(
        s.StationId, s.Name, s.BikesAvailable, s.EbikesAvailable, s.DocksAvailable, s.TotalCapacity,
        s.IsRenting, s.IsReturning, s.LastReported?.ToUnixTimeSeconds(), s.PercentFull)
    {
        DistanceM = s.DistanceMeters is { } d ? Math.Round(d, 1) : null,
    };
}
