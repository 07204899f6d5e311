namespace TransitDash.Feeds.Http.Internal;

/// <summary>Checks on a response before its payload is handed to a parser.</summary>
internal static class PayloadChecks
{
    /// <summary>Rejects a body whose content type says it is a document for people or another format
    /// (a portal's error or login page answered with 200, an API gateway's JSON error) before it reaches
    /// the protobuf parser, so it is reported as the wrong content type rather than as a corrupt feed. An
    /// absent or generic type (<c>application/octet-stream</c>) is left to the parser.</summary>
    public static void ThrowIfNotProtobuf(FeedResponse response)
    {
        if (response.ContentType is { } contentType && (IsWebPage(contentType) || IsText(contentType) || IsJson(contentType) || IsXml(contentType)))
        {
            throw WrongType(response, contentType, "a GTFS-Realtime protobuf feed");
        }
    }

    /// <summary>Rejects a body whose content type says it cannot be a GBFS JSON document (a web page, XML,
    /// protobuf). <c>text/plain</c> and an absent type are left to the JSON parser: some hosts serve JSON so.</summary>
    public static void ThrowIfNotJson(FeedResponse response)
    {
        if (response.ContentType is { } contentType && (IsWebPage(contentType) || IsXml(contentType) || IsProtobuf(contentType)))
        {
            throw WrongType(response, contentType, "a GBFS JSON document");
        }
    }

    /// <summary>Rejects a 304 the client did not ask for: without validators there is no earlier payload to reuse.</summary>
    public static void ThrowIfUnaskedNotModified(FeedResponse response, bool askedConditionally)
    {
        if (response.NotModified && !askedConditionally)
        {
            throw new FeedPayloadException(response.FeedName, "the upstream answered 304 Not Modified to a request without validators");
        }
    }

    private static FeedPayloadException WrongType(FeedResponse response, string contentType, string expected)
    {
        var what = IsWebPage(contentType) ? ": a web page, not " : ", not ";
        return new FeedPayloadException(response.FeedName, FeedErrorKind.BadContentType, $"the content type is {contentType}{what}{expected}", null);
    }

    private static bool IsWebPage(string contentType) =>
        Is(contentType, "text/html") || Is(contentType, "application/xhtml+xml");

    private static bool IsText(string contentType) => contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase);

    private static bool IsJson(string contentType) =>
        Is(contentType, "application/json") || contentType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static bool IsXml(string contentType) =>
        Is(contentType, "application/xml") || Is(contentType, "text/xml") || contentType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase);

    private static bool IsProtobuf(string contentType) =>
        Is(contentType, "application/x-protobuf") || Is(contentType, "application/protobuf") || Is(contentType, "application/x-google-protobuf");

    private static bool Is(string contentType, string mediaType) => contentType.Equals(mediaType, StringComparison.OrdinalIgnoreCase);
}
