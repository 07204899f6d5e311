using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TransitDash.Health;
using TransitDash.Replication;
using TransitDash.Snapshots;
using TransitDash.Sources;
using TransitDash.Hosting.Rendering;

namespace TransitDash.Web.Api;

/// <summary><c>GET /api/stream</c>: server-sent events, one per changed snapshot (<c>subway</c>,
/// <c>citibike</c>, <c>alerts</c>) plus <c>health</c>, each carrying the matching endpoint's JSON.</summary>
internal static class StreamApi
{
    /// <summary>A client that cannot take one event within this time has fallen behind and is dropped.</summary>
    internal static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static void MapStreamApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/stream", StreamAsync)
            .WithName("GetStream")
            .WithSummary("Server-sent events: subway, citibike, alerts and health, each time a snapshot changes.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

    private static async Task StreamAsync(HttpContext context, SnapshotStore store, HealthMonitor health, TimeProvider time, ResponseCache cache)
    {
        try
        {
            await RunAsync(context, store, health, time, cache).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            // A write timed out: the client fell behind. Drop it rather than buffer for it.
            context.Abort();
        }
        catch (OperationCanceledException)
        {
            // The client left.
        }
    }

    private static async Task RunAsync(HttpContext context, SnapshotStore store, HealthMonitor health, TimeProvider time, ResponseCache cache)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";

        // Subscribe before the first state is written so no change falls between the two.
        using var subscription = store.Subscribe();
        var aborted = context.RequestAborted;
        await WriteAsync(response, "retry: 5000\n\n", aborted).ConfigureAwait(false);
        foreach (var source in store.Sources)
        {
            await SendSourceAsync(response, store, source, time, cache, aborted).ConfigureAwait(false);
        }

        await SendHealthAsync(response, health, aborted).ConfigureAwait(false);
        var reader = subscription.Reader;
        while (!aborted.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            wait.CancelAfter(Heartbeat);
            bool changed;
            try
            {
                changed = await reader.WaitToReadAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
            {
                await WriteAsync(response, ": keep-alive\n\n", aborted).ConfigureAwait(false);
                continue;
            }

            if (!changed)
            {
                return;
            }

            // Coalesce whatever piled up: each event carries the whole current state of its source.
            var sources = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (reader.TryRead(out var change))
            {
                sources.Add(change.Source);
            }

            foreach (var source in sources)
            {
                await SendSourceAsync(response, store, source, time, cache, aborted).ConfigureAwait(false);
            }

            await SendHealthAsync(response, health, aborted).ConfigureAwait(false);
        }
    }

    private static Task SendSourceAsync(HttpResponse response, SnapshotStore store, string source, TimeProvider time, ResponseCache cache, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        CachedBody? body = source switch
        {
            TransitDashSources.Subway when store.Get<SubwayBoard>(source) is { HasData: true } s => SubwayView.Render(s, SubwayFilter.None, string.Empty, now, cache),
            TransitDashSources.Citibike when store.Get<BikeBoard>(source) is { HasData: true } s => CitibikeView.Render(s, CitibikeFilter.None, string.Empty, now, cache),
            TransitDashSources.Alerts when store.Get<AlertBoard>(source) is { HasData: true } s => AlertsView.Render(s, store.Get<SubwayBoard>(TransitDashSources.Subway), now, cache),
            _ => null,
        };
        return body is null ? Task.CompletedTask : WriteEventAsync(response, source, body.Body, cancellationToken);
    }

    private static Task SendHealthAsync(HttpResponse response, HealthMonitor health, CancellationToken cancellationToken) =>
        WriteEventAsync(
            response,
            "health",
            JsonSerializer.SerializeToUtf8Bytes(
                HealthView.Build(health.GetReport(), response.HttpContext.RequestServices.GetService<ISnapshotReplicator>()?.GetStatus()),
                ApiJsonContext.Web.HealthResponse),
            cancellationToken);

    private static async Task WriteEventAsync(HttpResponse response, string name, byte[] json, CancellationToken cancellationToken)
    {
        // The JSON is written without line breaks, so it fits one data: line.
        var head = Encoding.UTF8.GetBytes($"event: {name}\ndata: ");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(WriteTimeout);
        await response.Body.WriteAsync(head, timeout.Token).ConfigureAwait(false);
        await response.Body.WriteAsync(json, timeout.Token).ConfigureAwait(false);
        await response.Body.WriteAsync("\n\n"u8.ToArray(), timeout.Token).ConfigureAwait(false);
        await response.Body.FlushAsync(timeout.Token).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(WriteTimeout);
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), timeout.Token).ConfigureAwait(false);
        await response.Body.FlushAsync(timeout.Token).ConfigureAwait(false);
    }
}
