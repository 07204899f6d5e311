namespace TransitDash.Web.Settings;

/// <summary>One browser's dashboard settings, kept in a cookie so they survive browser restarts,
/// server restarts and a hop to another replica.</summary>
/// <param name="AutoRefreshEnabled">Whether the board refreshes itself.</param>
/// <param name="AutoRefreshIntervalSeconds">How often, in seconds: one of <see cref="IntervalOptions"/>.</param>
/// <param name="HistoryWindow">The history chart's window: one of <see cref="WindowOptions"/>.</param>
internal sealed record DashboardSettings(bool AutoRefreshEnabled, int AutoRefreshIntervalSeconds, string HistoryWindow)
{
    public static readonly IReadOnlyList<int> IntervalOptions = [30, 60, 120, 300, 600];

    public static readonly IReadOnlyList<string> WindowOptions = ["5m", "15m", "30m", "1h"];

    public static DashboardSettings Default { get; } = new(true, 30, "1h");

    public bool IsValid => IntervalOptions.Contains(AutoRefreshIntervalSeconds) && WindowOptions.Contains(HistoryWindow);
}
