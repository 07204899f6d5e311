using System.Text.Json;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Snapshots;
using TransitDash.Sources;

namespace TransitDash.Hosting.Rendering;

/// <summary>The <c>/api/alerts</c> body: alerts active now that touch the configured lines or stations.</summary>
public static class AlertsView
{
    /// <summary>The body for the alerts snapshot at this second; the subway snapshot says which lines and stops are configured.</summary>
    public static CachedBody Render(FeedSnapshot<AlertBoard> snapshot, FeedSnapshot<SubwayBoard>? subway, DateTimeOffset now, ResponseCache cache)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(cache);
        var version = snapshot.Version ^ ((subway?.Version ?? 0) << 32);
        return cache.GetOrAdd("alerts", version, string.Empty, now.ToUnixTimeSeconds(), static state =>
        {
            var (snapshot, subway, version, now) = state;
            var (response, shown) = Select(snapshot, subway, now);
            return new CachedBody(
                JsonSerializer.SerializeToUtf8Bytes(response, ApiJsonContext.Web.AlertsResponse),
                EntityTags.Make(version, string.Empty, shown));
        }, (snapshot, subway, version, now));
    }

    /// <summary>The body as a value.</summary>
    public static AlertsResponse Build(FeedSnapshot<AlertBoard> snapshot, FeedSnapshot<SubwayBoard>? subway, DateTimeOffset now) =>
        Select(snapshot, subway, now).Response;

    private static (AlertsResponse Response, int[] Shown) Select(FeedSnapshot<AlertBoard> snapshot, FeedSnapshot<SubwayBoard>? subway, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var board = snapshot.Data!;
        var (lines, stops) = Configured(subway?.Data);
        var shown = Enumerable.Range(0, board.Alerts.Count)
            .Where(i => board.Alerts[i].IsActiveAt(now) && Touches(board.Alerts[i], lines, stops))
            .ToArray();
        var lastUpdated = snapshot.Metadata.LastSuccess;
        var response = new AlertsResponse(true, [.. shown.Select(i => ToJson(board.Alerts[i]))], lastUpdated?.ToUnixTimeSeconds(), SubwayView.Staleness(lastUpdated, now));
        return (response, shown);
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
        JsonNamingPolicy.SnakeCaseUpper.ConvertName(a.Effect.ToString()),
        JsonNamingPolicy.SnakeCaseUpper.ConvertName(a.Cause.ToString()),
        a.Header,
        a.Description,
        a.InformedRoutes,
        a.InformedStops,
        [.. a.ActivePeriods.Select(p => new PeriodJson(p.Start?.ToUnixTimeSeconds(), p.End?.ToUnixTimeSeconds()))]);
}
