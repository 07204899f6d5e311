namespace TransitDash.Feeds.Http.Internal;

/// <summary>Checks on a response before its payload is handed to a parser.</summary>
internal static class PayloadChecks
{
    /// <summary>Rejects a web page (a portal's error or login page answered with 200) before it reaches a
    /// parser, so it is reported as the wrong content type rather than as a corrupt feed.</summary>
    public static void ThrowIfWebPage(FeedResponse response)
    {
        if (response.ContentType is { } contentType
            && (contentType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
                || contentType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase)))
        {
            throw new FeedPayloadException(response.FeedName, FeedErrorKind.BadContentType, $"the content type is {contentType}, a web page rather than the feed", null);
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
}
