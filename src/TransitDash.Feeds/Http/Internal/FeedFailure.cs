using System.Net.Http.Headers;
using System.Net.Sockets;

namespace TransitDash.Feeds.Http.Internal;

/// <summary>Turns what <see cref="HttpClient"/> throws into the feed exception hierarchy. Messages are
/// composed here, never copied from the inner exception, so no URL or key can leak into them.</summary>
internal static class FeedFailure
{
    // Polly is an optional layer added by the caching package: match its timeout by name so Feeds
    // needs no reference to it.
    private const string PollyTimeoutTypeName = "Polly.Timeout.TimeoutRejectedException";

    /// <summary>The feed exception for <paramref name="exception"/>, or null when it is not a failure
    /// of the fetch itself (a bug, or the caller's cancellation) and must propagate unchanged.</summary>
    public static FeedException? Classify(Exception exception, string feedName, TimeSpan timeout, bool deadlinePassed)
    {
        if (FindPollyTimeout(exception) is { } pollyTimeout)
        {
            return new FeedTimeoutException(feedName, ReadPollyTimeout(pollyTimeout) ?? timeout, exception);
        }

        return exception switch
        {
            OperationCanceledException when deadlinePassed || exception.InnerException is TimeoutException
                => new FeedTimeoutException(feedName, timeout, exception),
            HttpRequestException request when IsNameResolution(request)
                => new FeedConnectionException(feedName, FeedErrorKind.Dns, $"Feed '{feedName}' could not resolve its host name.", exception),
            HttpRequestException request
                => new FeedConnectionException(feedName, FeedErrorKind.Connection, $"Feed '{feedName}' could not be fetched: {Describe(request)}.", exception),
            InvalidDataException
                => new FeedPayloadException(feedName, "the compressed body could not be decoded", exception),
            IOException io
                => new FeedConnectionException(feedName, FeedErrorKind.Connection, $"Feed '{feedName}' broke off while the body was read: {Describe(io)}.", exception),
            _ => null,
        };
    }

    /// <summary>The <c>Retry-After</c> of a response as a delay from now (a date in the past is zero).</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    private static bool IsNameResolution(HttpRequestException exception) =>
        exception.HttpRequestError == HttpRequestError.NameResolutionError
        || FindSocketError(exception) is SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData;

    private static string Describe(HttpRequestException exception)
    {
        return FindSocketError(exception) is { } socketError
            ? Describe(socketError)
            : exception.HttpRequestError switch
            {
                HttpRequestError.ConnectionError => "the connection failed",
                HttpRequestError.SecureConnectionError => "the TLS handshake failed",
                HttpRequestError.ResponseEnded => "the connection closed before the response was complete",
                HttpRequestError.InvalidResponse => "the response was not valid HTTP",
                HttpRequestError.HttpProtocolError => "an HTTP protocol error",
                HttpRequestError.ProxyTunnelError => "the proxy tunnel failed",
                HttpRequestError.ConfigurationLimitExceeded => "a configured limit of the HTTP client was exceeded",
                _ => "the request failed",
            };
    }

    private static string Describe(IOException exception) =>
        FindSocketError(exception) is { } socketError
            ? Describe(socketError)
            : exception is HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded }
                ? "the connection closed before the response was complete"
                : "the connection broke";

    private static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.ConnectionReset => "connection reset",
        SocketError.ConnectionAborted => "connection aborted",
        SocketError.TimedOut => "the connection attempt timed out",
        SocketError.HostUnreachable => "host unreachable",
        SocketError.NetworkUnreachable => "network unreachable",
        _ => $"socket error {error}",
    };

    private static SocketError? FindSocketError(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }

        return null;
    }

    private static Exception? FindPollyTimeout(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            for (var type = current.GetType(); type is not null; type = type.BaseType)
            {
                if (string.Equals(type.FullName, PollyTimeoutTypeName, StringComparison.Ordinal))
                {
                    return current;
                }
            }
        }

        return null;
    }

    private static TimeSpan? ReadPollyTimeout(Exception exception) =>
        exception.GetType().GetProperty("Timeout")?.GetValue(exception) as TimeSpan?;
}
