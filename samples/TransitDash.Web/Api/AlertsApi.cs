using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TransitDash.Snapshots;
using TransitDash.Sources;
using TransitDash.Hosting.Rendering;

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
            var off = ProblemView.AlertsOff();
            return TypedResults.Problem(statusCode: off.Status, title: off.Title, detail: off.Detail, type: off.Type);
        }

        var snapshot = store.Get<AlertBoard>(TransitDashSources.Alerts);
        if (snapshot?.Data is null || !snapshot.HasData)
        {
            return NoData.For(context, TransitDashSources.Alerts, snapshot?.Metadata.LastError?.Message);
        }

        return new JsonBodyResult(AlertsView.Render(snapshot, store.Get<SubwayBoard>(TransitDashSources.Subway), time.GetUtcNow(), cache));
    }
}
