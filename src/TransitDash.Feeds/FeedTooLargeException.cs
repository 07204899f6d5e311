namespace TransitDash.Feeds;

/// <summary>A response was larger than the configured cap; reading stopped at the cap.</summary>
public sealed class FeedTooLargeException : FeedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="feedName">The configured name of the feed.</param>
    /// <param name="limitBytes">The cap, in bytes.</param>
    public FeedTooLargeException(string feedName, long limitBytes)
        : base(feedName, FeedErrorKind.TooLarge, $"Feed '{feedName}' sent more than the {limitBytes} byte limit.")
    {
        LimitBytes = limitBytes;
    }

    /// <summary>The cap, in bytes.</summary>
    public long LimitBytes { get; }
}
