namespace TransitDash.Feeds;

/// <summary>What went wrong with one attempt to fetch a feed. The set is fixed: it is reported in
/// <c>/api/health</c>, in attempt records and as a metric tag, so dashboards may rely on it.</summary>
public enum FeedErrorKind
{
    /// <summary>The failure did not fit any other kind.</summary>
    Unknown = 0,

    /// <summary>The attempt did not finish within its timeout.</summary>
    Timeout,

    /// <summary>The upstream host name could not be resolved.</summary>
    Dns,

    /// <summary>The connection was refused, reset or closed before the whole response arrived.</summary>
    Connection,

    /// <summary>The upstream answered with a 4xx status.</summary>
    Http4xx,

    /// <summary>The upstream answered with a 5xx status.</summary>
    Http5xx,

    /// <summary>The response was larger than the configured cap.</summary>
    TooLarge,

    /// <summary>The response's content type cannot be the feed (for example an HTML error page).</summary>
    BadContentType,

    /// <summary>The payload could not be parsed or lacks required members.</summary>
    BadPayload,

    /// <summary>The feed's own timestamp is older than the one already held.</summary>
    TimeBackwards,

    /// <summary>The feed's own timestamp has not moved for too long.</summary>
    FrozenFeed,

    /// <summary>The circuit breaker is open: no request was sent.</summary>
    CircuitOpen,

    /// <summary>The attempt was cancelled (for example because the host is stopping).</summary>
    Cancelled,
}
