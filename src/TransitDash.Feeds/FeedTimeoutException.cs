namespace TransitDash.Feeds;

/// <summary>An attempt to fetch a feed did not finish within its timeout.</summary>
public sealed class FeedTimeoutException : FeedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="feedName">The configured name of the feed.</param>
    /// <param name="timeout">The timeout that elapsed.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public FeedTimeoutException(string feedName, TimeSpan timeout, Exception? innerException = null)
        : base(feedName, FeedErrorKind.Timeout, $"Feed '{feedName}' did not answer within {timeout.TotalSeconds:0.###} s.", innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }
}
