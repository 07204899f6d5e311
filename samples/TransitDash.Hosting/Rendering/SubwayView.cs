using System.Text.Json;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Snapshots;
using TransitDash.Sources;

namespace TransitDash.Hosting.Rendering;

/// <summary>The <c>/api/subway</c> body of a subway snapshot (shared by the web host and the console's --json).</summary>
public static class SubwayView
{
    private static readonly TimeSpan Gone = TimeSpan.FromSeconds(30);

    /// <summary>The body for a snapshot and a filter at this second (built once per second and query).</summary>
    public static CachedBody Render(FeedSnapshot<SubwayBoard> snapshot, SubwayFilter filter, string queryKey, DateTimeOffset now, ResponseCache cache)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(cache);
        return cache.GetOrAdd("subway", snapshot.Version, queryKey, now.ToUnixTimeSeconds(), static state =>
        {
            var (snapshot, filter, queryKey, now) = state;
            var response = Build(snapshot, filter, now);
            return new CachedBody(
                JsonSerializer.SerializeToUtf8Bytes(response, ApiJsonContext.Web.SubwayResponse),
                EntityTags.Make(snapshot.Version, queryKey, [.. response.Data.Select(a => a.MinutesUntil)]));
        }, (snapshot, filter, queryKey, now));
    }

    /// <summary>The body as a value: arrivals still to come (or gone less than 30 s), filtered, with minutes counted from now.</summary>
    public static SubwayResponse Build(FeedSnapshot<SubwayBoard> snapshot, SubwayFilter filter, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(filter);
        var board = snapshot.Data!;
        var listed = new List<ArrivalJson>();
        foreach (var arrival in board.Arrivals)
        {
            if (listed.Count == filter.Limit)
            {
                break;
            }

            if (arrival.ArrivalTime >= now - Gone && filter.Matches(arrival))
            {
                listed.Add(ToJson(arrival, now));
            }
        }

        var lastUpdated = board.LastUpdated ?? snapshot.Metadata.LastSuccess;
        return new SubwayResponse(true, listed, lastUpdated?.ToUnixTimeSeconds(), Staleness(lastUpdated, now));
    }

    /// <summary>Whole seconds from a last update to now, never negative; null when never updated.</summary>
    public static long? Staleness(DateTimeOffset? lastUpdated, DateTimeOffset now) =>
        lastUpdated is { } at ? Math.Max(0, (long)Math.Floor((now - at).TotalSeconds)) : null;

    /// <summary>The station names a <c>station</c> filter may name: configured names and the names arrivals carry.</summary>
    public static HashSet<string> StationNames(SubwayBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var configured in board.Stations)
        {
            if (configured.Name is { } name)
            {
                names.Add(name);
            }
        }

        foreach (var arrival in board.Arrivals)
        {
            names.Add(arrival.Station);
        }

        return names;
    }

    /// <summary>Whether a stop id is configured (as a parent id or one of its N/S platforms).</summary>
    public static bool IsConfiguredStop(SubwayBoard board, string stopId)
    {
        ArgumentNullException.ThrowIfNull(board);
        return board.Stations.SelectMany(s => s.StopIds).Any(id => AtStop(stopId, id));
    }

    /// <summary>Whether a platform id is the given stop: the same id, or the id plus N or S.</summary>
    public static bool AtStop(string platform, string stop)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(stop);
        return string.Equals(platform, stop, StringComparison.OrdinalIgnoreCase)
            || (platform.Length == stop.Length + 1
                && platform.StartsWith(stop, StringComparison.OrdinalIgnoreCase)
                && platform[^1] is 'N' or 'S' or 'n' or 's');
    }

    private static ArrivalJson ToJson(Arrival arrival, DateTimeOffset now)
    {
        var at = arrival.ArrivalTime.ToUnixTimeSeconds();
        var minutes = (int)Math.Max(0, Math.Floor((arrival.ArrivalTime - now).TotalSeconds / 60));
        return new ArrivalJson(
            arrival.Line, arrival.Station, arrival.Direction, minutes, arrival.RouteId, arrival.StopId, at, at,
            arrival.TripId, arrival.TrainId, arrival.IsAssigned, arrival.Track, arrival.DirectionId, arrival.Stalled, arrival.Feed);
    }
}
