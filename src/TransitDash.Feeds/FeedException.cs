namespace TransitDash.Feeds;

/// <summary>The base of every error a feed client or parser reports. Catch this one type to handle
/// any failure of a fetch; <see cref="Kind"/> says which.</summary>
public class FeedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="feedName">The configured name of the feed.</param>
    /// <param name="kind">What went wrong.</param>
    /// <param name="message">A message naming the feed and the problem; never a secret or a keyed URL.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public FeedException(string feedName, FeedErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        FeedName = feedName;
        Kind = kind;
    }

    /// <summary>The configured name of the feed that failed.</summary>
    public string FeedName { get; }

    /// <summary>What went wrong.</summary>
    public FeedErrorKind Kind { get; }
}
