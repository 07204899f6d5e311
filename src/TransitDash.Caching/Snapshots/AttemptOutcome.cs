namespace TransitDash.Snapshots;

/// <summary>How one request for a feed ended.</summary>
public enum AttemptOutcome
{
    /// <summary>New data arrived and was read.</summary>
    Ok = 0,

    /// <summary>The upstream answered "not modified" (a 304, or an unchanged payload): a success with nothing new to read.</summary>
    NotModified,

    /// <summary>The request or the reading of its payload failed.</summary>
    Error,
}
