using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TransitDash.Feeds;
using TransitDash.Health;
using TransitDash.Replication;
using TransitDash.Snapshots;
using TransitDash.Hosting.Rendering;

namespace TransitDash.Web.Api;

/// <summary><c>/api/health</c>, its history and the recent attempts.</summary>
internal static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", (HealthMonitor monitor, IServiceProvider services) =>
                TypedResults.Json(HealthView.Build(monitor.GetReport(), services.GetService<ISnapshotReplicator>()?.GetStatus()), ApiJsonContext.Web.HealthResponse))
            .WithName("GetHealth")
            .WithSummary("Each source's health, judged from its freshness and its last attempt, and the overall status.");

        app.MapGet("/api/health/history", GetHistory)
            .WithName("GetHealthHistory")
            .WithSummary("A source's health over time, one row per window, oldest first.")
            .Produces<HistoryResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        app.MapGet("/api/health/attempts", GetAttempts)
            .WithName("GetHealthAttempts")
            .WithSummary("A source's most recent fetch attempts, newest first.")
            .Produces<AttemptsResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static IResult GetHistory(HttpContext context, HealthHistory history, SnapshotStore store)
    {
        var query = new QueryReader(context.Request.Query);
        var source = RequiredSource(query, store);
        var windowText = query.Text("window") ?? "15m";
        var hours = query.Integer("hours", 1, 24) ?? 24;
        TimeSpan? window = windowText switch
        {
            "5m" => TimeSpan.FromMinutes(5),
            "15m" => TimeSpan.FromMinutes(15),
            "30m" => TimeSpan.FromMinutes(30),
            "1h" or "60m" => TimeSpan.FromHours(1),
            _ => null,
        };
        if (window is null)
        {
            query.Fail("window", $"'window' must be 5m, 15m, 30m or 1h (got '{QueryReader.Shorten(windowText)}').");
        }

        if (query.HasErrors)
        {
            return query.Problem();
        }

        var rows = history.Query(source!, window!.Value, TimeSpan.FromHours(hours))
            .Select(w => new HistoryRowJson(
                w.Start.ToUnixTimeSeconds(), w.Samples, Round(w.HealthyPercent), Round(w.StalePercent), Round(w.ErrorPercent),
                w.P50 is { } p50 ? Math.Round(p50.TotalMilliseconds, 1) : null,
                w.P95 is { } p95 ? Math.Round(p95.TotalMilliseconds, 1) : null,
                w.Errors))
            .ToArray();
        return TypedResults.Json(new HistoryResponse(true, source!, windowText, hours, rows), ApiJsonContext.Web.HistoryResponse);
    }

    private static IResult GetAttempts(HttpContext context, SnapshotStore store)
    {
        var query = new QueryReader(context.Request.Query);
        var source = RequiredSource(query, store);
        var limit = query.Integer("limit", 1, SnapshotStore.AttemptCapacity) ?? 50;
        if (query.HasErrors)
        {
            return query.Problem();
        }

        var attempts = store.GetAttempts(source!, limit)
            .Select(a => new AttemptJson(
                a.Time.ToUnixTimeSeconds(), a.Feed, a.StatusCode, Math.Round(a.Latency.TotalMilliseconds, 1), a.Bytes,
                a.Outcome switch { AttemptOutcome.Ok => "ok", AttemptOutcome.NotModified => "not_modified", _ => "error" },
                a.ErrorKind?.ToWireName())
            {
                Error = a.ErrorMessage,
            })
            .ToArray();
        return TypedResults.Json(new AttemptsResponse(true, source!, attempts), ApiJsonContext.Web.AttemptsResponse);
    }

    private static string? RequiredSource(QueryReader query, SnapshotStore store)
    {
        var source = query.Text("source");
        if (source is null)
        {
            if (!query.HasErrors)
            {
                query.Fail("source", $"'source' is required: one of {string.Join(", ", store.Sources)}.");
            }

            return null;
        }

        var known = store.Sources.FirstOrDefault(s => string.Equals(s, source, StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            query.Fail("source", $"'source' must be one of {string.Join(", ", store.Sources)} (got '{QueryReader.Shorten(source)}').");
        }

        return known;
    }

    private static double? Round(double? percent) => percent is { } p ? Math.Round(p, 1) : null;
}
