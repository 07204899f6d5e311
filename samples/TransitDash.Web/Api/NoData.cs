using Microsoft.AspNetCore.Http;

namespace TransitDash.Web.Api;

/// <summary>The 503 a data endpoint answers before its source's first successful fetch: problem
/// details that also carry the endpoint's own members, and a <c>Retry-After</c>.</summary>
internal static class NoData
{
    public const int RetryAfterSeconds = 5;

    public static IResult For(HttpContext context, string source, string? lastError)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var error = lastError is null
            ? $"No {source} data yet: the first fetch has not completed."
            : $"No {source} data yet: {lastError}";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "No data yet",
            detail: error,
            extensions: new Dictionary<string, object?>
            {
                ["success"] = false,
                ["error"] = error,
                ["data"] = Array.Empty<object>(),
                ["last_updated"] = null,
                ["staleness_seconds"] = null,
            });
    }
}
