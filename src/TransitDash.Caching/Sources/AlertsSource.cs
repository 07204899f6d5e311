using System.Globalization;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.Http;
using TransitDash.Options;
using TransitDash.Polling;
using TransitDash.Snapshots;

namespace TransitDash.Sources;

/// <summary>The service alerts: one GTFS-Realtime alert feed (Mercury extension).</summary>
internal sealed class AlertsSource(AlertsOptions options, ResilienceOptions resilience, IGtfsRealtimeClient client) : IPolledSource<AlertBoard>
{
    private readonly GtfsRealtimeFeedSource _feed = new(TransitDashSources.Alerts, options.Url, GtfsRealtimeFeedKind.Alerts)
    {
        MaxResponseBytes = resilience.MaxResponseBytes,
    };

    private GtfsRealtimeFeed? _message;

    public string Name => TransitDashSources.Alerts;

    public TimeSpan PollInterval => options.PollInterval;

    public async Task<PollResult<AlertBoard>> FetchAsync(CancellationToken cancellationToken)
    {
        var result = await client.FetchAsync(_feed, cancellationToken).ConfigureAwait(false);

        // "Not modified" keeps the message held; before any message it is an empty board.
        _message = result.Feed ?? _message;
        var board = new AlertBoard(_message?.Alerts ?? [], _message?.HeaderTime);
        var response = result.Response;
        return PollResult.Success<AlertBoard>(board) with
        {
            Attempts =
            [
                new FeedAttempt(response.ReceivedAt, _feed.Name, result.NotModified ? AttemptOutcome.NotModified : AttemptOutcome.Ok, response.StatusCode, response.Latency, response.Body.Length)
                {
                    UpstreamTime = board.HeaderTime,
                },
            ],
            UpstreamTime = board.HeaderTime,
            EntityCount = board.Alerts.Count,
            Summary = string.Create(CultureInfo.InvariantCulture, $"Fetched {board.Alerts.Count} alerts"),
        };
    }
}
