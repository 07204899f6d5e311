using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TransitDash.Snapshots;
using TransitDash.Sources;
using TransitDash.Hosting.Rendering;

namespace TransitDash.Web.Api;

/// <summary><c>GET /api/subway</c>: the next arrivals at the configured stations.</summary>
internal static class SubwayApi
{
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
            if (station is not null && !SubwayView.StationNames(board).Contains(station))
            {
                query.Fail("station", $"'station' must be a configured station ({string.Join(", ", SubwayView.StationNames(board).Order(StringComparer.Ordinal))}); '{QueryReader.Shorten(station)}' is not one.");
            }

            if (stopId is not null && !SubwayView.IsConfiguredStop(board, stopId))
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

        var filter = new SubwayFilter(station, stopId, line, direction, limit);
        return new JsonBodyResult(SubwayView.Render(snapshot, filter, context.Request.QueryString.Value ?? string.Empty, time.GetUtcNow(), cache));
    }

    /// <summary>The body for a snapshot and a filter at this second (built once per second and query).</summary>
}
