using TransitDash.Feeds;

namespace TransitDash.Snapshots;

/// <summary>Classifies any exception a fetch may throw into the fixed set of <see cref="FeedErrorKind"/>s.</summary>
internal static class FeedErrors
{
    public static FeedErrorKind KindOf(Exception exception) => exception switch
    {
        FeedException feed => feed.Kind,
        TimeoutException => FeedErrorKind.Timeout,
        OperationCanceledException => FeedErrorKind.Timeout,
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => FeedErrorKind.Dns,
        HttpRequestException { StatusCode: { } status } => (int)status >= 500 ? FeedErrorKind.Http5xx : FeedErrorKind.Http4xx,
        HttpRequestException => FeedErrorKind.Connection,
        IOException => FeedErrorKind.Connection,
        FormatException or InvalidDataException or System.Text.Json.JsonException => FeedErrorKind.BadPayload,
        _ => FeedErrorKind.Unknown,
    };

    /// <summary>The message to record. A feed exception's is safe by contract; others are the user's own
    /// code's, prefixed with the exception type so an empty message still says something.</summary>
    public static string MessageOf(Exception exception) => exception switch
    {
        FeedException feed => feed.Message,
        OperationCanceledException => "The fetch was cancelled before it finished (it timed out).",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };
}
