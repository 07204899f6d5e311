using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using TransitDash.Hosting.Rendering;

namespace TransitDash.Web.Api;

/// <summary>Writes a cached JSON body in the coding the client accepts (compressed once per body, then
/// copied as-is), or 304 when the client already holds that representation.</summary>
internal sealed class JsonBodyResult(CachedBody body) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        var response = httpContext.Response;
        var representation = body.For(AcceptEncoding.Choose(request.Headers.AcceptEncoding));
        response.Headers.ETag = representation.ETag;
        response.Headers.CacheControl = "no-cache";
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (EntityTags.Matches(request.Headers.IfNoneMatch, representation.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        if (representation.ContentEncoding is { } coding)
        {
            // Compressed here, once per body: the host adds no response-compression middleware, and that
            // middleware would leave a response that already has a Content-Encoding as it is.
            response.Headers.ContentEncoding = coding;
        }

        response.ContentLength = representation.Bytes.Length;
        return response.Body.WriteAsync(representation.Bytes, httpContext.RequestAborted).AsTask();
    }
}
