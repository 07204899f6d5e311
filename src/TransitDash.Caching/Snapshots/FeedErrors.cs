using TransitDash.Feeds;

namespace TransitDash.Snapshots;

/// <summary>Classifies any exception a fetch may throw into the fixed set of <see cref="FeedErrorKind"/>s.</summary>
internal static class FeedErrors
{
    public static FeedErrorKind KindOf(Exception exception) => exception switch
    {
        FeedException feed => feed.Kind,
        TimeoutException => FeedErrorKind.Timeout,
        OperationCanceledException { InnerException: TimeoutException } => FeedErrorKind.Timeout,
        OperationCanceledException => FeedErrorKind.Cancelled,
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => FeedErrorKind.Dns,
        HttpRequestException { StatusCode: { } status } => (int)status >= 500 ? FeedErrorKind.Http5xx : FeedErrorKind.Http4xx,
        HttpRequestException => FeedErrorKind.Connection,
        IOException => FeedErrorKind.Connection,
        FormatException or InvalidDataException or System.Text.Json.JsonException => FeedErrorKind.BadPayload,
        _ => FeedErrorKind.Unknown,
    };

    /// <summary>The feed error any exception of a fetch of <paramref name="feedName"/> stands for.</summary>
    public static FeedException ToFeedException(string feedName, Exception exception) => exception switch
    {
        FeedException feed => feed,
        OperationCanceledException when KindOf(exception) == FeedErrorKind.Cancelled => Cancelled(feedName, exception),
        _ => new FeedException(feedName, KindOf(exception), MessageOf(exception), exception),
    };

    /// <summary>A try of a feed cancelled by neither its attempt timeout nor the host stopping (a handler or
    /// source of the user's own gave up on it).</summary>
    public static FeedException Cancelled(string feedName, Exception exception) =>
        new(feedName, FeedErrorKind.Cancelled, $"Feed '{feedName}' was cancelled before it answered, not by its attempt timeout or the host stopping.", exception);

    /// <summary>The message to record. A feed exception's is safe by contract; others are the user's own
    /// code's, prefixed with the exception type so an empty message still says something.</summary>
    public static string MessageOf(Exception exception) => exception switch
    {
        FeedException feed => feed.Message,
        OperationCanceledException { InnerException: TimeoutException } => "The fetch was cancelled before it finished: it timed out.",
        OperationCanceledException => "The fetch was cancelled before it finished, not by its attempt timeout or the host stopping.",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };
}
