namespace TransitDash.Feeds;

/// <summary>Wire names of <see cref="FeedErrorKind"/> values.</summary>
public static class FeedErrorKindExtensions
{
    /// <summary>The snake_case name used in JSON, logs and metric tags, for example <c>http_5xx</c>.</summary>
    /// <param name="kind">The error kind.</param>
    /// <returns>The wire name.</returns>
    public static string ToWireName(this FeedErrorKind kind) => kind switch
    {
        FeedErrorKind.Timeout => "timeout",
        FeedErrorKind.Dns => "dns",
        FeedErrorKind.Connection => "connection",
        FeedErrorKind.Http4xx => "http_4xx",
        FeedErrorKind.Http5xx => "http_5xx",
        FeedErrorKind.TooLarge => "too_large",
        FeedErrorKind.BadContentType => "bad_content_type",
        FeedErrorKind.BadPayload => "bad_payload",
        FeedErrorKind.TimeBackwards => "time_backwards",
        FeedErrorKind.FrozenFeed => "frozen_feed",
        FeedErrorKind.CircuitOpen => "circuit_open",
        FeedErrorKind.Cancelled => "cancelled",
        _ => "unknown",
    };
}
