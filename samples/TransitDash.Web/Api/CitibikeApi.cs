using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TransitDash.Feeds.Gbfs;
using TransitDash.Snapshots;
using TransitDash.Sources;
using TransitDash.Hosting.Rendering;

namespace TransitDash.Web.Api;

/// <summary><c>GET /api/citibike</c>: the configured bike stations, in configured order.</summary>
internal static class CitibikeApi
{
    public static void MapCitibikeApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/citibike", Get)
            .WithName("GetCitibike")
            .WithSummary("Status of the configured Citi Bike stations, in configured order.")
            .Produces<CitibikeResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static IResult Get(HttpContext context, SnapshotStore store, TimeProvider time, ResponseCache cache)
    {
        var query = new QueryReader(context.Request.Query);
        var stationId = query.Text("station_id");
        var nearText = query.Text("near");
        var radius = query.Integer("radius_m", 1, 5000);
        var limit = query.Integer("limit", 1, 500) ?? 100;
        GeoCircle? near = null;
        if (nearText is not null)
        {
            near = ParsePoint(nearText, radius ?? 500);
            if (near is null)
            {
                query.Fail("near", $"'near' must be 'lat,lon' in decimal degrees, for example near=40.7066,-74.0111 (got '{QueryReader.Shorten(nearText)}').");
            }
        }
        else if (radius is not null)
        {
            query.Fail("radius_m", "'radius_m' narrows 'near'; give near=lat,lon with it.");
        }

        var snapshot = store.Get<BikeBoard>(TransitDashSources.Citibike);
        var board = snapshot?.Data;
        if (board is not null && stationId is not null && !board.Stations.Any(s => s.StationId == stationId))
        {
            query.Fail("station_id", $"'station_id' must be one of the configured stations; '{QueryReader.Shorten(stationId)}' is not one.");
        }

        if (query.HasErrors)
        {
            return query.Problem();
        }

        if (snapshot is null || board is null || !snapshot.HasData)
        {
            return NoData.For(context, TransitDashSources.Citibike, snapshot?.Metadata.LastError?.Message);
        }

        return new JsonBodyResult(CitibikeView.Render(snapshot, new CitibikeFilter(stationId, near, limit), context.Request.QueryString.Value ?? string.Empty, time.GetUtcNow(), cache));
    }

    private static GeoCircle? ParsePoint(string text, int radius)
    {
        var parts = text.Split(',');
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            && lat is >= -90 and <= 90 && lon is >= -180 and <= 180
            ? new GeoCircle(lat, lon, radius)
            : null;
    }
}
