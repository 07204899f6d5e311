namespace TransitDash.Feeds.Http;

/// <summary>What one request for a feed brought back.</summary>
/// <param name="FeedName">The configured name of the feed.</param>
/// <param name="StatusCode">The HTTP status (200 for a file read).</param>
/// <param name="NotModified">True for a 304: <see cref="Body"/> is empty and nothing needs parsing.</param>
/// <param name="Body">The body's bytes, decompressed.</param>
/// <param name="ContentType">The media type of the body; null when absent.</param>
/// <param name="ETag">The response's <c>ETag</c>; null when absent.</param>
/// <param name="LastModified">The response's <c>Last-Modified</c> as sent; null when absent.</param>
/// <param name="ReceivedAt">When the response completed.</param>
/// <param name="Latency">How long the request took.</param>
/// <param name="Headers">The response headers (content headers included), first value of each.</param>
/// <param name="SourceFile">For a file or directory replay, the file that was read; else null.</param>
public sealed record FeedResponse(
    string FeedName,
    int StatusCode,
    bool NotModified,
    ReadOnlyMemory<byte> Body,
    string? ContentType,
    string? ETag,
    string? LastModified,
    DateTimeOffset ReceivedAt,
    TimeSpan Latency,
    IReadOnlyDictionary<string, string> Headers,
    string? SourceFile);
