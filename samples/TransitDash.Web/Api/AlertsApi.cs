using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Snapshots;
using TransitDash.Sources;
using TransitDash.Web.Json;

namespace TransitDash.Web.Api;

/// <summary><c>GET /api/alerts</c>: alerts active now that touch the configured lines or stations.</summary>
internal static class AlertsApi
{
    public static void MapAlertsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/alerts", Get)
            .WithName("GetAlerts")
            .WithSummary("Service alerts active now that touch the configured lines or stations.")
            .Produces<AlertsResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static IResult Get(HttpContext context, SnapshotStore store, TimeProvider time, ResponseCache cache)
    {
        if (!store.Sources.Contains(TransitDashSources.Alerts, StringComparer.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Alerts are off",
                detail: "No alerts feed is configured (TransitDash:Alerts:Url).");
        }

        var snapshot = store.Get<AlertBoard>(TransitDashSources.Alerts);
        if (snapshot?.Data is null || !snapshot.HasData)
        {
            return NoData.For(context, TransitDashSources.Alerts, snapshot?.Metadata.LastError?.Message);
        }

        return new JsonBodyResult(Render(snapshot, store.Get<SubwayBoard>(TransitDashSources.Subway), time.GetUtcNow(), cache));
    }

    /// <summary>The body for the alerts snapshot at this second; the subway snapshot says which lines and stops are configured.</summary>
    internal static CachedBody Render(FeedSnapshot<AlertBoard> snapshot, FeedSnapshot<SubwayBoard>? subway, DateTimeOffset now, ResponseCache cache)
    {
        var version = snapshot.Version ^ ((subway?.Version ?? 0) << 32);
        return cache.GetOrAdd("alerts", version, string.Empty, now.ToUnixTimeSeconds(), () =>
        {
            var board = snapshot.Data!;
            var (lines, stops) = Configured(subway?.Data);
            var shown = Enumerable.Range(0, board.Alerts.Count)
                .Where(i => board.Alerts[i].IsActiveAt(now) && Touches(board.Alerts[i], lines, stops))
                .ToArray();
            var listed = shown.Select(i => ToJson(board.Alerts[i])).ToArray();
            var lastUpdated = snapshot.Metadata.LastSuccess;
            var response = new AlertsResponse(true, listed, lastUpdated?.ToUnixTimeSeconds(), SubwayApi.Staleness(lastUpdated, now));
            return new CachedBody(
                JsonSerializer.SerializeToUtf8Bytes(response, WebJsonContext.Web.AlertsResponse),
                EntityTags.Make(version, string.Empty, shown));
        });
    }

    /// <summary>The lines seen at the configured stations (route ids and riders' names) and the configured stop ids.</summary>
    private static (HashSet<string> Lines, HashSet<string> Stops) Configured(SubwayBoard? board)
    {
        var lines = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var stops = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (board is null)
        {
            return (lines, stops);
        }

        foreach (var arrival in board.Arrivals)
        {
            lines.Add(arrival.RouteId);
            lines.Add(arrival.Line);
        }

        foreach (var id in board.Stations.SelectMany(s => s.StopIds))
        {
            stops.Add(id);
            stops.Add(id + "N");
            stops.Add(id + "S");
        }

        return (lines, stops);
    }

    private static bool Touches(ServiceAlert alert, HashSet<string> lines, HashSet<string> stops) =>
        alert.InformedEntities.Any(e =>
            (e.RouteId is { } route && (lines.Contains(route) || lines.Contains(SubwayLines.RiderName(route))))
            || (e.StopId is { } stop && stops.Contains(stop))
            || (e.Trip?.RouteId is { } tripRoute && lines.Contains(tripRoute)));

    private static AlertJson ToJson(ServiceAlert a) => new(
        a.Id,
        a.AlertType,
        Snake(a.Effect.ToString()),
        Snake(a.Cause.ToString()),
        a.Header,
        a.Description,
        a.InformedRoutes,
        a.InformedStops,
        [.. a.ActivePeriods.Select(p => new PeriodJson(p.Start?.ToUnixTimeSeconds(), p.End?.ToUnixTimeSeconds()))]);

    /// <summary>GTFS-Realtime's own spelling of an enum value (<c>SignificantDelays</c> -> <c>SIGNIFICANT_DELAYS</c>).</summary>
    private static string Snake(string pascal) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(pascal);
}
