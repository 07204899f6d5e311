using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using TransitDash.Hosting.Rendering;

namespace TransitDash.Web.Api;

/// <summary>Writes a cached JSON body, or 304 when the client already holds it.</summary>
internal sealed class JsonBodyResult(CachedBody body) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.Headers.ETag = body.ETag;
        response.Headers.CacheControl = "no-cache";
        if (Matches(httpContext.Request.Headers.IfNoneMatch, body.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Body.Length;
        return response.Body.WriteAsync(body.Body, httpContext.RequestAborted).AsTask();
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0)
        {
            return false;
        }

        if (!EntityTagHeaderValue.TryParse(etag, out var ours))
        {
            return false;
        }

        return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var theirs)
            && theirs.Any(t => t.Tag == "*" || t.Compare(ours, useStrongComparison: false));
    }
}
