namespace TransitDash.Feeds;

/// <summary>A payload arrived but is not a valid feed: it does not parse, or lacks members the
/// format requires. Every parser throws this (and only this) for bad bytes.</summary>
public sealed class FeedPayloadException : FeedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="feedName">The configured name of the feed.</param>
    /// <param name="problem">What is wrong with the payload, for example "truncated protobuf message".</param>
    public FeedPayloadException(string feedName, string problem)
        : this(feedName, FeedErrorKind.BadPayload, problem, null)
    {
    }

    /// <summary>Creates the exception with the underlying error.</summary>
    /// <param name="feedName">The configured name of the feed.</param>
    /// <param name="problem">What is wrong with the payload, for example "truncated protobuf message".</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public FeedPayloadException(string feedName, string problem, Exception? innerException)
        : this(feedName, FeedErrorKind.BadPayload, problem, innerException)
    {
    }

    /// <summary>Creates the exception with a kind other than <see cref="FeedErrorKind.BadPayload"/>
    /// (for example <see cref="FeedErrorKind.BadContentType"/>).</summary>
    /// <param name="feedName">The configured name of the feed.</param>
    /// <param name="kind">What went wrong.</param>
    /// <param name="problem">What is wrong with the payload.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public FeedPayloadException(string feedName, FeedErrorKind kind, string problem, Exception? innerException)
        : base(feedName, kind, $"Feed '{feedName}' sent a bad payload: {problem}", innerException)
    {
        Problem = problem;
    }

    /// <summary>What is wrong with the payload.</summary>
    public string Problem { get; }
}
