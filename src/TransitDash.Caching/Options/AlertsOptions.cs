namespace TransitDash.Options;

/// <summary>The service alert source: one GTFS-Realtime alert feed (MTA Mercury extension).</summary>
public sealed class AlertsOptions
{
    /// <summary>How often the feed is fetched.</summary>
    /// <value>Defaults to 60 seconds.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>An absolute http(s) URL, a <c>file://</c> URL or a local path.</summary>
    /// <value>Defaults to empty: alerts are off.</value>
    public string Url { get; set; } = string.Empty;
}
