namespace TransitDash.Feeds.Http.Internal;

/// <summary>Where a feed's bytes come from: an http(s) URL, or a file or directory on this machine.</summary>
internal readonly record struct FeedLocation(Uri? HttpUri, string? LocalPath)
{
    public bool IsLocal => LocalPath is not null;

    /// <summary>Reads a configured URL: http(s), <c>file://</c>, or a path (relative to the working directory).</summary>
    /// <exception cref="ArgumentException">The URL is empty or has another scheme; the message names the feed, not the URL.</exception>
    public static FeedLocation Parse(string feedName, string url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new ArgumentException($"Feed '{feedName}' has no URL.", nameof(url));
        }

        // On Unix an absolute path parses as an implicit file URI, which lands in the file branch too.
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            if (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            {
                return new FeedLocation(uri, null);
            }

            if (uri.IsFile)
            {
                return new FeedLocation(null, uri.LocalPath);
            }

            throw new ArgumentException($"Feed '{feedName}' has a '{uri.Scheme}' URL; only http, https, file:// and local paths are supported.", nameof(url));
        }

        return new FeedLocation(null, Path.GetFullPath(url));
    }
}
