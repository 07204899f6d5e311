using TransitDash.Health;
using TransitDash.Hosting.Rendering;
using TransitDash.Snapshots;
using TransitDash.Sources;

namespace TransitDash.ConsoleHost.Board;

/// <summary>Everything the console shows at one instant, as the web API's bodies (built by the same
/// renderers, so <c>--json</c> equals the endpoints and the board shows the same figures).</summary>
/// <param name="At">The instant.</param>
/// <param name="Subway">The <c>/api/subway</c> body.</param>
/// <param name="Citibike">The <c>/api/citibike</c> body.</param>
/// <param name="Alerts">The <c>/api/alerts</c> body.</param>
/// <param name="Health">The <c>/api/health</c> body.</param>
/// <param name="EverySourceHasData">True when every configured source has data.</param>
internal sealed record BoardSnapshot(
    DateTimeOffset At,
    SourceBody<SubwayResponse> Subway,
    SourceBody<CitibikeResponse> Citibike,
    SourceBody<AlertsResponse> Alerts,
    HealthResponse Health,
    bool EverySourceHasData)
{
    /// <summary>Reads the store and health now.</summary>
    public static BoardSnapshot Take(SnapshotStore store, HealthMonitor monitor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(monitor);
        var subway = store.Get<SubwayBoard>(TransitDashSources.Subway);
        var bikes = store.Get<BikeBoard>(TransitDashSources.Citibike);
        var alertsOn = store.Sources.Contains(TransitDashSources.Alerts, StringComparer.OrdinalIgnoreCase);
        var alerts = alertsOn ? store.Get<AlertBoard>(TransitDashSources.Alerts) : null;

        return new BoardSnapshot(
            now,
            HasData(subway) ? SourceBody<SubwayResponse>.Of(SubwayView.Build(subway!, SubwayFilter.None, now)) : Missing<SubwayResponse>(TransitDashSources.Subway, subway),
            HasData(bikes) ? SourceBody<CitibikeResponse>.Of(CitibikeView.Build(bikes!, CitibikeFilter.None, now)) : Missing<CitibikeResponse>(TransitDashSources.Citibike, bikes),
            !alertsOn ? SourceBody<AlertsResponse>.NotConfigured(ProblemView.AlertsOff())
                : HasData(alerts) ? SourceBody<AlertsResponse>.Of(AlertsView.Build(alerts!, subway, now))
                : Missing<AlertsResponse>(TransitDashSources.Alerts, alerts),
            HealthView.Build(monitor.GetReport()),
            store.GetAllMetadata().All(m => m.HasData));
    }

    private static bool HasData<T>(FeedSnapshot<T>? snapshot) => snapshot is { HasData: true, Data: not null };

    private static SourceBody<T> Missing<T>(string source, FeedSnapshot? snapshot)
        where T : class => SourceBody<T>.Missing(ProblemView.NoData(source, snapshot?.Metadata.LastError?.Message));
}
