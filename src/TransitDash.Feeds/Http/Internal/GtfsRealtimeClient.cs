using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.Internal;

namespace TransitDash.Feeds.Http.Internal;

/// <summary>Fetches GTFS-Realtime feeds through <see cref="IFeedClient"/> and parses them. A feed's
/// validators are kept only once its payload parsed: a 304 then stands for a payload the caller holds.</summary>
internal sealed class GtfsRealtimeClient(IFeedClient feedClient, ILogger<GtfsRealtimeClient> logger) : IGtfsRealtimeClient
{
    // Keyed by URL too, so a feed pointed elsewhere never sends the old upstream's validators.
    private readonly ConcurrentDictionary<(string Name, string Url), Validators> validators = new();

    public async Task<GtfsRealtimeFetchResult> FetchAsync(GtfsRealtimeFeedSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);

        var key = (source.Name, source.Url);
        var known = validators.GetValueOrDefault(key);
        var request = new FeedRequest(source.Name, source.Url)
        {
            ApiKey = source.ApiKey,
            MaxResponseBytes = source.MaxResponseBytes,
        };
        var response = await feedClient.GetAsync(known?.ApplyTo(request) ?? request, cancellationToken).ConfigureAwait(false);
        PayloadChecks.ThrowIfUnaskedNotModified(response, known is not null);
        if (response.NotModified)
        {
            return new GtfsRealtimeFetchResult(response, null);
        }

        GtfsRealtimeFeed feed;
        try
        {
            PayloadChecks.ThrowIfWebPage(response);
            feed = source.Kind == GtfsRealtimeFeedKind.Alerts
                ? GtfsRealtimeParser.ParseAlertFeed(source.Name, response.Body.Span, source.ParserOptions)
                : GtfsRealtimeParser.ParseTripFeed(source.Name, response.Body.Span, source.ParserOptions);
        }
        catch (FeedException e)
        {
            Log.PayloadRejected(logger, source.Name, e.Kind.ToWireName(), e);
            throw;
        }

        if (Validators.From(response) is { } fresh)
        {
            validators[key] = fresh;
        }
        else
        {
            validators.TryRemove(key, out _);
        }

        return new GtfsRealtimeFetchResult(response, feed);
    }
}
