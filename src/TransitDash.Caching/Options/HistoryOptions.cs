namespace TransitDash.Options;

/// <summary>How health history is kept.</summary>
public sealed class HistoryOptions
{
    /// <summary>How long health samples are kept in memory; memory is bounded by this over each poll interval.</summary>
    /// <value>Defaults to 24 hours.</value>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);
}
