using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Feeds.Internal;

namespace TransitDash.Feeds.Http.Internal;

/// <summary>Fetches GTFS-Realtime feeds through <see cref="IFeedClient"/>, checks and parses them (or, for a
/// <see cref="GtfsRealtimeFeedSource.PayloadOnly"/> source, checks them straight from the bytes). A feed's
/// validators and header time are kept only once its payload was accepted: a 304 then stands for a payload
/// the caller holds, and a later payload is judged against the header time of that one.</summary>
internal sealed class GtfsRealtimeClient(IFeedClient feedClient, TimeProvider timeProvider, ILogger<GtfsRealtimeClient> logger) : IGtfsRealtimeClient
{
    // Keyed by URL too, so a feed pointed elsewhere never sends the old upstream's validators or is held
    // to the old upstream's clock.
    private readonly ConcurrentDictionary<(string Name, string Url), Accepted> accepted = new();

    // With no stations it lists and logs nothing, yet still reads every byte the way a projection does: a
    // payload it takes is one ParseTripFeed takes (else the same FeedPayloadException), with the same header time.
    private static readonly ArrivalProjector PayloadChecker = new(new ArrivalProjectorOptions());

    public async Task<GtfsRealtimeFetchResult> FetchAsync(GtfsRealtimeFeedSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.PayloadOnly && source.Kind != GtfsRealtimeFeedKind.Trips)
        {
            throw new ArgumentException($"Feed '{source.Name}': {nameof(GtfsRealtimeFeedSource.PayloadOnly)} applies to trip feeds only; alert feeds are always parsed.", nameof(source));
        }

        var key = (source.Name, source.Url);
        var held = accepted.GetValueOrDefault(key);
        var request = new FeedRequest(source.Name, source.Url)
        {
            ApiKey = source.ApiKey,
            MaxResponseBytes = source.MaxResponseBytes,
        };
        var response = await feedClient.GetAsync(held?.Validators?.ApplyTo(request) ?? request, cancellationToken).ConfigureAwait(false);
        try
        {
            PayloadChecks.ThrowIfUnaskedNotModified(response, held?.Validators is not null);
            if (response.NotModified)
            {
                // Unchanged bytes carry the header time already held: still subject to the frozen rule.
                ThrowIfFrozen(source, held!, timeProvider.GetUtcNow());
                return new GtfsRealtimeFetchResult(response, null) { HeaderTime = held!.HeaderTime };
            }

            PayloadChecks.ThrowIfNotProtobuf(response);
            if (source.PayloadOnly)
            {
                var headerTime = PayloadChecker.ProjectFromWire([(source.Name, response.Body)], timeProvider.GetUtcNow()).Feeds[0].HeaderTime;
                accepted[key] = Accept(source, held, response, headerTime);
                return new GtfsRealtimeFetchResult(response, null) { HeaderTime = headerTime };
            }

            var feed = source.Kind == GtfsRealtimeFeedKind.Alerts
                ? GtfsRealtimeParser.ParseAlertFeed(source.Name, response.Body.Span, source.ParserOptions)
                : GtfsRealtimeParser.ParseTripFeed(source.Name, response.Body.Span, source.ParserOptions);
            accepted[key] = Accept(source, held, response, feed.HeaderTime);
            return new GtfsRealtimeFetchResult(response, feed);
        }
        catch (FeedException e)
        {
            Log.PayloadRejected(logger, source.Name, e.Kind.ToWireName(), e);
            throw;
        }
    }

    /// <summary>What is kept of a payload that passed every check, or an exception for one that went back in
    /// time or stood still too long. A recording read from disk is taken as it is: replaying it again is not a
    /// producer that stopped.</summary>
    private Accepted Accept(GtfsRealtimeFeedSource source, Accepted? held, FeedResponse response, DateTimeOffset? headerTime)
    {
        var now = timeProvider.GetUtcNow();
        var validators = Validators.From(response);
        if (response.SourceFile is not null || headerTime is not { } header || held?.HeaderTime is not { } heldHeader || header > heldHeader)
        {
            return new Accepted(validators, headerTime, now);
        }

        if (header < heldHeader)
        {
            throw new FeedException(
                source.Name,
                FeedErrorKind.TimeBackwards,
                $"Feed '{source.Name}' went back in time: its header time {Format(header)} is older than the {Format(heldHeader)} already held.");
        }

        ThrowIfFrozen(source, held, now);
        return held with { Validators = validators };
    }

    private static void ThrowIfFrozen(GtfsRealtimeFeedSource source, Accepted held, DateTimeOffset now)
    {
        if (source.FrozenAfter is { } limit && held.HeaderTime is { } header && now - held.HeaderSince > limit)
        {
            var still = TimeSpan.FromSeconds(Math.Floor((now - held.HeaderSince).TotalSeconds));
            throw new FeedException(
                source.Name,
                FeedErrorKind.FrozenFeed,
                $"Feed '{source.Name}' is frozen: its header time {Format(header)} has not moved for {still.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (more than {limit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s).");
        }
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The last accepted payload of a feed: its validators, its header time and since when (our clock) that header time has been seen.</summary>
    private sealed record Accepted(Validators? Validators, DateTimeOffset? HeaderTime, DateTimeOffset HeaderSince);
}
