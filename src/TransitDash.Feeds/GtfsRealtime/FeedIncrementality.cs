namespace TransitDash.Feeds.GtfsRealtime;

/// <summary>Whether a feed message is a full dataset or a set of differences.</summary>
public enum FeedIncrementality
{
    /// <summary>The message is the whole current state (the default).</summary>
    FullDataset = 0,

    /// <summary>The message carries only changes.</summary>
    Differential = 1,
}
