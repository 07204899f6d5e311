using System.Globalization;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.Http;
using TransitDash.Options;
using TransitDash.Polling;
using TransitDash.Resilience;
using TransitDash.Snapshots;

namespace TransitDash.Sources;

/// <summary>The service alerts: one GTFS-Realtime alert feed (Mercury extension).</summary>
internal sealed class AlertsSource(AlertsOptions options, ResilienceOptions resilience, TimeSpan? frozenAfter, IGtfsRealtimeClient client, FeedPipelines pipelines) : IPolledSource<AlertBoard>
{
    private readonly GtfsRealtimeFeedSource _feed = new(TransitDashSources.Alerts, options.Url, GtfsRealtimeFeedKind.Alerts)
    {
        MaxResponseBytes = resilience.MaxResponseBytes,
        FrozenAfter = frozenAfter,
    };

    private readonly FeedPipeline _pipeline = pipelines.For(TransitDashSources.Alerts, TransitDashSources.Alerts);

    private GtfsRealtimeFeed? _message;

    public string Name => TransitDashSources.Alerts;

    public TimeSpan PollInterval => options.PollInterval;

    public async Task<PollResult<AlertBoard>> FetchAsync(CancellationToken cancellationToken)
    {
        var poll = await _pipeline.PollAsync(ct => client.FetchAsync(_feed, ct), Describe, PollInterval, cancellationToken).ConfigureAwait(false);
        if (!poll.Succeeded)
        {
            return PollResult.Failure<AlertBoard>(poll.Error!) with { Attempts = poll.Attempts };
        }

        // "Not modified" keeps the message held; before any message it is an empty board.
        _message = poll.Result!.Feed ?? _message;
        var board = new AlertBoard(_message?.Alerts ?? [], _message?.HeaderTime);
        var attempts = poll.Attempts.ToArray();
        attempts[^1] = attempts[^1] with { UpstreamTime = board.HeaderTime };
        return PollResult.Success<AlertBoard>(board) with
        {
            Attempts = attempts,
            UpstreamTime = board.HeaderTime,
            EntityCount = board.Alerts.Count,
            Summary = string.Create(CultureInfo.InvariantCulture, $"Fetched {board.Alerts.Count} alerts"),
        };
    }

    /// <summary>The record of a fetch whose request the pipeline did not see.</summary>
    private FeedAttempt[] Describe(GtfsRealtimeFetchResult result) =>
    [
        new FeedAttempt(result.Response.ReceivedAt, _feed.Name, result.NotModified ? AttemptOutcome.NotModified : AttemptOutcome.Ok, result.Response.StatusCode, result.Response.Latency, result.Response.Body.Length),
    ];
}
