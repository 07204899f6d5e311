namespace TransitDash.Health;

/// <summary>A source's health over one window of time (a row of <c>/api/health/history</c>).</summary>
/// <param name="Start">When the window starts.</param>
/// <param name="Length">The window's length.</param>
/// <param name="Samples">How many samples fell in it. A window with none has null percentages and
/// durations: no samples is not 0 % healthy.</param>
/// <param name="HealthyPercent">Percent of samples healthy; null without samples.</param>
/// <param name="StalePercent">Percent of samples stale; null without samples.</param>
/// <param name="ErrorPercent">Percent of samples in error; null without samples.</param>
/// <param name="P50">Median fetch duration; null when no sample has one.</param>
/// <param name="P95">95th percentile fetch duration (nearest rank); null when no sample has one.</param>
/// <param name="Errors">Failed attempts in the window.</param>
public sealed record HistoryWindow(
    DateTimeOffset Start,
    TimeSpan Length,
    int Samples,
    double? HealthyPercent,
    double? StalePercent,
    double? ErrorPercent,
    TimeSpan? P50,
    TimeSpan? P95,
    int Errors);
