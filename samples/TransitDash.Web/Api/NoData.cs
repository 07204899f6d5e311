using Microsoft.AspNetCore.Http;
using TransitDash.Hosting.Rendering;

namespace TransitDash.Web.Api;

/// <summary>The 503 a data endpoint answers before its source's first successful fetch: problem
/// details that also carry the endpoint's own members (<see cref="ProblemView.NoData"/>), and a <c>Retry-After</c>.</summary>
internal static class NoData
{
    public static IResult For(HttpContext context, string source, string? lastError)
    {
        context.Response.Headers.RetryAfter = ProblemView.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = ProblemView.NoData(source, lastError);
        return TypedResults.Problem(
            statusCode: body.Status,
            title: body.Title,
            detail: body.Detail,
            type: body.Type,
            extensions: new Dictionary<string, object?>
            {
                ["success"] = body.Success,
                ["error"] = body.Error,
                ["data"] = body.Data,
                ["last_updated"] = body.LastUpdated,
                ["staleness_seconds"] = body.StalenessSeconds,
            });
    }
}
