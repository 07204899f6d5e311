namespace TransitDash.Feeds;

/// <summary>The upstream could not be reached, or the connection broke before the response was complete.</summary>
public sealed class FeedConnectionException : FeedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="feedName">The configured name of the feed.</param>
    /// <param name="kind"><see cref="FeedErrorKind.Dns"/> or <see cref="FeedErrorKind.Connection"/>.</param>
    /// <param name="message">What happened, without secrets or keyed URLs.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public FeedConnectionException(string feedName, FeedErrorKind kind, string message, Exception? innerException = null)
        : base(feedName, kind, message, innerException)
    {
    }
}
