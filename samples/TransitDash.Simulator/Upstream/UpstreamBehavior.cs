using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace TransitDash.Simulator.Upstream;

/// <summary>What a <see cref="LoopbackUpstream"/> route does with a request. Made by the static
/// factories below; a route's behavior can be swapped at any time with <see cref="LoopbackUpstream.Map"/>.
/// The <see cref="CancellationToken"/> a behavior gets fires when the client goes away or the upstream is disposed.</summary>
public sealed class UpstreamBehavior
{
    private const int ChunkBytes = 64 * 1024;

    private readonly Func<HttpContext, CancellationToken, Task> serve;

    private UpstreamBehavior(Func<HttpContext, CancellationToken, Task> serve) => this.serve = serve;

    /// <summary>Serves a payload: 200 with its body (compressed when it allows and the client asks), or 304
    /// when the request's validators match it.</summary>
    /// <param name="payload">The payload.</param>
    /// <returns>The behavior.</returns>
    public static UpstreamBehavior Serve(UpstreamPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return new(async (context, cancellationToken) =>
        {
            var response = context.Response;
            if (payload.ETag is not null)
            {
                response.Headers.ETag = payload.ETag;
            }

            if (payload.LastModified is { } lastModified)
            {
                response.Headers.LastModified = lastModified.ToString("r", CultureInfo.InvariantCulture);
            }

            if (IsNotModified(context.Request, payload))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            var encoding = ChooseEncoding(context.Request, payload.Encodings);
            var body = encoding is null ? payload.Body : Compress(payload.Body, encoding);
            if (encoding is not null)
            {
                response.Headers.ContentEncoding = encoding;
                response.Headers.Vary = HeaderNames.AcceptEncoding;
            }

            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = payload.ContentType;
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        });
    }

    /// <summary>Serves bytes with a content type.</summary>
    /// <param name="body">The body.</param>
    /// <param name="contentType">The content type.</param>
    /// <returns>The behavior.</returns>
    public static UpstreamBehavior Serve(ReadOnlyMemory<byte> body, string contentType) => Serve(new UpstreamPayload(body, contentType));

    /// <summary>Answers a status with a short text body.</summary>
    /// <param name="status">The status.</param>
    /// <param name="retryAfter">Sent as <c>Retry-After</c> in seconds, when given.</param>
    /// <returns>The behavior.</returns>
    public static UpstreamBehavior Status(HttpStatusCode status, TimeSpan? retryAfter = null) =>
        Status(status, retryAfter is { } delay ? ((long)delay.TotalSeconds).ToString(CultureInfo.InvariantCulture) : null);

    /// <summary>Answers a status with a <c>Retry-After</c> date.</summary>
    /// <param name="status">The status.</param>
    /// <param name="retryAt">Sent as <c>Retry-After</c> in HTTP date form.</param>
    /// <returns>The behavior.</returns>
    public static UpstreamBehavior Status(HttpStatusCode status, DateTimeOffset retryAt) =>
        Status(status, retryAt.ToString("r", CultureInfo.InvariantCulture));

    /// <summary>Answers 200 with an HTML page, as a portal does when it serves an error or login page.</summary>
    /// <returns>The behavior.</returns>
    public static UpstreamBehavior HtmlPage() =>
        Serve(Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>Service notice</title></head><body><p>Please try again later.</p></body></html>"), "text/html; charset=utf-8");

    /// <summary>Accepts the request and never answers, until the client gives up or the upstream is disposed.</summary>
    /// <returns>The behavior.</returns>
    public static UpstreamBehavior Hang() => new(static (_, cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken));

    /// <summary>Sends status 200 and headers, then never sends the body.</summary>
    /// <param name="contentLength">The <c>Content-Length</c> to announce; null for a chunked body.</param>
    /// <returns>The behavior.</returns>
    public static UpstreamBehavior HangAfterHeaders(long? contentLength = null) => new(async (context, cancellationToken) =>
    {
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = contentLength;
        await context.Response.StartAsync(cancellationToken).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
    });

    /// <summary>Announces the whole body's length, sends its first bytes, then aborts the connection.</summary>
    /// <param name="body">The body the response pretends to send.</param>
    /// <param name="bytesBeforeReset">How many bytes of it are sent before the abort.</param>
    /// <returns>The behavior.</returns>
    public static UpstreamBehavior ResetMidBody(ReadOnlyMemory<byte> body, int bytesBeforeReset) => new(async (context, cancellationToken) =>
    {
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body[..bytesBeforeReset], cancellationToken).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        context.Abort();
    });

    /// <summary>Sends a body a few bytes at a time with a pause between writes (real time, server side).</summary>
    /// <param name="body">The body.</param>
    /// <param name="bytesPerWrite">The size of each write.</param>
    /// <param name="pause">The pause after each write.</param>
    /// <returns>The behavior.</returns>
    public static UpstreamBehavior Drip(ReadOnlyMemory<byte> body, int bytesPerWrite, TimeSpan pause) => new(async (context, cancellationToken) =>
    {
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = body.Length;
        for (var offset = 0; offset < body.Length; offset += bytesPerWrite)
        {
            await context.Response.Body.WriteAsync(body.Slice(offset, Math.Min(bytesPerWrite, body.Length - offset)), cancellationToken).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
        }
    });

    /// <summary>Streams a large body generated on the fly (never held in memory).</summary>
    /// <param name="totalBytes">The body's size.</param>
    /// <param name="declareLength">True to send <c>Content-Length</c>; false for a chunked body.</param>
    /// <returns>The behavior.</returns>
    public static UpstreamBehavior Huge(long totalBytes, bool declareLength) => new(async (context, cancellationToken) =>
    {
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = declareLength ? totalBytes : null;
        var chunk = new byte[ChunkBytes];
        for (var i = 0; i < chunk.Length; i++)
        {
            chunk[i] = (byte)('a' + (i % 26));
        }

        for (var sent = 0L; sent < totalBytes; sent += chunk.Length)
        {
            await context.Response.Body.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, totalBytes - sent)), cancellationToken).ConfigureAwait(false);
        }
    });

    /// <summary>Answers each request with the next behavior; the last one keeps answering after that.</summary>
    /// <param name="steps">The behaviors, in order.</param>
    /// <returns>The behavior.</returns>
    public static UpstreamBehavior Sequence(params UpstreamBehavior[] steps)
    {
        ArgumentOutOfRangeException.ThrowIfZero(steps.Length);
        var next = -1;
        return new((context, cancellationToken) =>
        {
            var index = Math.Min(Interlocked.Increment(ref next), steps.Length - 1);
            return steps[index].serve(context, cancellationToken);
        });
    }

    /// <summary>Anything else, written by the test.</summary>
    /// <param name="handler">Writes the response.</param>
    /// <returns>The behavior.</returns>
    public static UpstreamBehavior Custom(Func<HttpContext, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new(handler);
    }

    internal Task ServeAsync(HttpContext context, CancellationToken cancellationToken) => serve(context, cancellationToken);

    private static UpstreamBehavior Status(HttpStatusCode status, string? retryAfter) => new(async (context, cancellationToken) =>
    {
        context.Response.StatusCode = (int)status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync($"HTTP {(int)status}", cancellationToken).ConfigureAwait(false);
    });

    private static bool IsNotModified(HttpRequest request, UpstreamPayload payload)
    {
        // If-None-Match decides alone when present (RFC 9110, 13.1.3).
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0)
        {
            return payload.ETag is not null && ifNoneMatch.Split(',').Select(t => t.Trim()).Any(t => t == "*" || OpaqueTag(t) == OpaqueTag(payload.ETag));
        }

        return payload.LastModified is { } lastModified
            && DateTimeOffset.TryParseExact(request.Headers.IfModifiedSince.ToString(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            && lastModified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }

    // Conditional GET compares weakly: W/"x" and "x" are the same tag.
    private static string OpaqueTag(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;

    private static string? ChooseEncoding(HttpRequest request, IReadOnlyList<string> offered)
    {
        var accepted = request.Headers.AcceptEncoding.ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(token => !token.Replace(" ", string.Empty, StringComparison.Ordinal).EndsWith(";q=0", StringComparison.Ordinal))
            .Select(token => token.Split(';', 2)[0].Trim())
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return offered.FirstOrDefault(accepted.Contains);
    }

    private static byte[] Compress(ReadOnlyMemory<byte> body, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding.ToUpperInvariant() switch
        {
            "GZIP" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "BR" => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),

            // HTTP's "deflate" is the zlib format (RFC 9110, 8.4.1.2), not raw deflate.
            "DEFLATE" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
            _ => throw new ArgumentException($"Unknown content encoding '{encoding}'.", nameof(encoding)),
        })
        {
            compressor.Write(body.Span);
        }

        return output.ToArray();
    }
}
