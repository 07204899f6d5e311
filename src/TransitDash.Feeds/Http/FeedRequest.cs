namespace TransitDash.Feeds.Http;

/// <summary>One request for a feed's bytes.</summary>
/// <param name="FeedName">The configured name of the feed (used in errors and telemetry, never the URL).</param>
/// <param name="Url">An absolute http(s) URL, a <c>file://</c> URL, or a local path (a directory replays its files in name order, one per request).</param>
public sealed record FeedRequest(string FeedName, string Url)
{
    /// <summary>Sent as the <c>x-api-key</c> header when not empty; never logged.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The previous response's <c>ETag</c>, sent as <c>If-None-Match</c>.</summary>
    public string? IfNoneMatch { get; init; }

    /// <summary>The previous response's <c>Last-Modified</c>, sent as <c>If-Modified-Since</c>.</summary>
    public string? IfModifiedSince { get; init; }

    /// <summary>The largest body accepted, after decompression.</summary>
    /// <value>Defaults to 16 MiB.</value>
    public long MaxResponseBytes { get; init; } = 16 * 1024 * 1024;
}
