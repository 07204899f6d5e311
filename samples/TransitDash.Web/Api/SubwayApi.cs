using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Snapshots;
using TransitDash.Sources;
using TransitDash.Web.Json;

namespace TransitDash.Web.Api;

/// <summary><c>GET /api/subway</c>: the next arrivals at the configured stations.</summary>
internal static class SubwayApi
{
    private static readonly TimeSpan Gone = TimeSpan.FromSeconds(30);

    public static void MapSubwayApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/subway", Get)
            .WithName("GetSubway")
            .WithSummary("Next arrivals at the configured stations, soonest first.")
            .Produces<SubwayResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static IResult Get(HttpContext context, SnapshotStore store, TimeProvider time, ResponseCache cache)
    {
        var query = new QueryReader(context.Request.Query);
        var station = query.Text("station");
        var stopId = query.Text("stop_id");
        var line = query.Text("line");
        var direction = query.Text("direction")?.ToUpperInvariant();
        var limit = query.Integer("limit", 1, 500) ?? 100;
        if (line is not null && (line.Length > 4 || !line.All(char.IsAsciiLetterOrDigit)))
        {
            query.Fail("line", $"'line' must be a line name such as 4, A or SI (got '{QueryReader.Shorten(line)}').");
        }

        if (direction is not null and not ("N" or "S"))
        {
            query.Fail("direction", $"'direction' must be N or S (got '{QueryReader.Shorten(direction)}').");
        }

        var snapshot = store.Get<SubwayBoard>(TransitDashSources.Subway);
        var board = snapshot?.Data;
        if (board is not null)
        {
            if (station is not null && !StationNames(board).Contains(station))
            {
                query.Fail("station", $"'station' must be a configured station ({string.Join(", ", StationNames(board).Order(StringComparer.Ordinal))}); '{QueryReader.Shorten(station)}' is not one.");
            }

            if (stopId is not null && !ConfiguredStop(board, stopId))
            {
                query.Fail("stop_id", $"'stop_id' must be a configured stop id or one of its N/S platforms; '{QueryReader.Shorten(stopId)}' is not one.");
            }
        }

        if (query.HasErrors)
        {
            return query.Problem();
        }

        if (snapshot is null || board is null || !snapshot.HasData)
        {
            return NoData.For(context, TransitDashSources.Subway, snapshot?.Metadata.LastError?.Message);
        }

        var filter = new Filter(station, stopId, line, direction, limit);
        return new JsonBodyResult(Render(snapshot, filter, context.Request.QueryString.Value ?? string.Empty, time.GetUtcNow(), cache));
    }

    /// <summary>The body for a snapshot and a filter at this second (built once per second and query).</summary>
    internal static CachedBody Render(FeedSnapshot<SubwayBoard> snapshot, Filter filter, string queryKey, DateTimeOffset now, ResponseCache cache) =>
        cache.GetOrAdd("subway", snapshot.Version, queryKey, now.ToUnixTimeSeconds(), () =>
        {
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
            var response = new SubwayResponse(true, listed, lastUpdated?.ToUnixTimeSeconds(), Staleness(lastUpdated, now));
            var minutes = listed.Select(a => a.MinutesUntil).ToArray();
            return new CachedBody(
                JsonSerializer.SerializeToUtf8Bytes(response, WebJsonContext.Web.SubwayResponse),
                EntityTags.Make(snapshot.Version, queryKey, minutes));
        });

    internal static long? Staleness(DateTimeOffset? lastUpdated, DateTimeOffset now) =>
        lastUpdated is { } at ? Math.Max(0, (long)Math.Floor((now - at).TotalSeconds)) : null;

    private static ArrivalJson ToJson(Arrival arrival, DateTimeOffset now)
    {
        var at = arrival.ArrivalTime.ToUnixTimeSeconds();
        var minutes = (int)Math.Max(0, Math.Floor((arrival.ArrivalTime - now).TotalSeconds / 60));
        return new ArrivalJson(
            arrival.Line, arrival.Station, arrival.Direction, minutes, arrival.RouteId, arrival.StopId, at, at,
            arrival.TripId, arrival.TrainId, arrival.IsAssigned, arrival.Track, arrival.DirectionId, arrival.Stalled, arrival.Feed);
    }

    private static HashSet<string> StationNames(SubwayBoard board)
    {
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

    private static bool ConfiguredStop(SubwayBoard board, string stopId) =>
        board.Stations.SelectMany(s => s.StopIds).Any(id => AtStop(stopId, id));

    /// <summary>The query's filters; all null means every arrival.</summary>
    internal sealed record Filter(string? Station, string? StopId, string? Line, string? Direction, int Limit)
    {
        public static Filter None { get; } = new(null, null, null, null, 100);

        public bool Matches(Arrival arrival) =>
            (Station is null || string.Equals(arrival.Station, Station, StringComparison.OrdinalIgnoreCase))
            && (StopId is null || AtStop(arrival.StopId, StopId))
            && (Line is null || string.Equals(arrival.Line, Line, StringComparison.OrdinalIgnoreCase) || string.Equals(arrival.RouteId, Line, StringComparison.OrdinalIgnoreCase))
            && (Direction is null || string.Equals(arrival.Direction, Direction, StringComparison.Ordinal));
    }

    /// <summary>Whether a platform id is the given stop: the same id, or the id plus N or S.</summary>
    private static bool AtStop(string platform, string stop) =>
        string.Equals(platform, stop, StringComparison.OrdinalIgnoreCase)
        || (platform.Length == stop.Length + 1
            && platform.StartsWith(stop, StringComparison.OrdinalIgnoreCase)
            && platform[^1] is 'N' or 'S' or 'n' or 's'
            && stop[^1] is not ('N' or 'S' or 'n' or 's'));
}
