namespace TransitDash.Options;

/// <summary>What a configured feed location may be: an absolute http(s) URL, a <c>file://</c> URL or a
/// local path to a file or directory that exists.</summary>
internal static class FeedLocation
{
    public static bool IsValid(string value)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            if (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            {
                return !string.IsNullOrEmpty(uri.Host);
            }

            if (uri.IsFile)
            {
                return File.Exists(uri.LocalPath) || Directory.Exists(uri.LocalPath);
            }

            return false;
        }

        try
        {
            var full = Path.GetFullPath(value);
            return File.Exists(full) || Directory.Exists(full);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }

    /// <summary>The value without its query string, which may carry a key.</summary>
    public static string Redact(string value)
    {
        var query = value.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? value : value[..query] + "?...";
    }
}
