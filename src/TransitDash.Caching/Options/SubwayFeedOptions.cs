namespace TransitDash.Options;

/// <summary>One GTFS-Realtime trip feed.</summary>
public sealed class SubwayFeedOptions
{
    /// <summary>The feed's name, unique among the feeds (for example <c>ACE</c>): used in health, logs and metrics.</summary>
    /// <value>Required.</value>
    public string Name { get; set; } = string.Empty;

    /// <summary>An absolute http(s) URL, a <c>file://</c> URL or a local path (a directory replays its files
    /// in name order, one per poll).</summary>
    /// <value>Required.</value>
    public string Url { get; set; } = string.Empty;
}
