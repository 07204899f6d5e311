using System.Net;

namespace TransitDash.Feeds;

/// <summary>The upstream answered with a status that is not success (and not 304).</summary>
public sealed class FeedHttpException : FeedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="feedName">The configured name of the feed.</param>
    /// <param name="statusCode">The HTTP status received.</param>
    /// <param name="retryAfter">The upstream's <c>Retry-After</c>, when it sent one.</param>
    public FeedHttpException(string feedName, HttpStatusCode statusCode, TimeSpan? retryAfter = null)
        : base(
            feedName,
            (int)statusCode >= 500 ? FeedErrorKind.Http5xx : FeedErrorKind.Http4xx,
            $"Feed '{feedName}' answered HTTP {(int)statusCode} ({statusCode}).")
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status received.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The upstream's <c>Retry-After</c>, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }
}
