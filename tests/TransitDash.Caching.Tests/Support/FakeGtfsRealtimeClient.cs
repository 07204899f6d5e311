using System.Collections.Concurrent;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.Http;
using TransitDash.Testing;

namespace TransitDash.Caching.Tests.Support;

/// <summary>A GTFS-Realtime client whose answer per feed the test decides; records every call with the
/// fake clock's time and the source asked for. Like the real client, it answers a
/// <see cref="GtfsRealtimeFeedSource.PayloadOnly"/> source with bytes and no typed feed.</summary>
internal sealed class FakeGtfsRealtimeClient(TimeProvider timeProvider) : IGtfsRealtimeClient
{
    private readonly ConcurrentDictionary<string, Func<GtfsRealtimeFeedSource, CancellationToken, Task<GtfsRealtimeFetchResult>>> _handlers = new();

    public ConcurrentQueue<(string Feed, DateTimeOffset At)> Calls { get; } = new();

    public ConcurrentQueue<GtfsRealtimeFeedSource> Sources { get; } = new();

    /// <summary>Signalled once per call.</summary>
    public SemaphoreSlim Called { get; } = new(0);

    /// <summary>The answer for feeds without their own: a feed of one trip with the current time as header time.</summary>
    public Func<GtfsRealtimeFeedSource, CancellationToken, Task<GtfsRealtimeFetchResult>>? Default { get; set; }

    public void On(string feed, Func<GtfsRealtimeFeedSource, CancellationToken, Task<GtfsRealtimeFetchResult>> handler) => _handlers[feed] = handler;

    public void Fail(string feed, Exception exception) => On(feed, (_, _) => Task.FromException<GtfsRealtimeFetchResult>(exception));

    public void NotModified(string feed) => On(feed, (source, _) => Task.FromResult(
        new GtfsRealtimeFetchResult(Response(source.Name, 304, notModified: true, timeProvider.GetUtcNow()), null)));

    public void Hang(string feed) => On(feed, async (_, ct) =>
    {
        await Task.Delay(Timeout.Infinite, ct);
        throw new InvalidOperationException("unreachable");
    });

    public Task<GtfsRealtimeFetchResult> FetchAsync(GtfsRealtimeFeedSource source, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue((source.Name, timeProvider.GetUtcNow()));
        Sources.Enqueue(source);
        Called.Release();
        if (_handlers.TryGetValue(source.Name, out var handler))
        {
            return handler(source, cancellationToken);
        }

        var now = timeProvider.GetUtcNow();
        return Default is { } fallback
            ? fallback(source, cancellationToken)
            : Task.FromResult(source.PayloadOnly ? Result(source.Name, now) : Result(Message(source.Name, now)));
    }

    /// <summary>A parsed feed, as the client answers a source that is not payload-only (alerts).</summary>
    public GtfsRealtimeFetchResult Result(GtfsRealtimeFeed message) =>
        new(Response(message.FeedName, 200, notModified: false, timeProvider.GetUtcNow()), message);

    /// <summary>A payload-only answer: a built trip feed of <paramref name="trips"/> trips named after the feed.</summary>
    public GtfsRealtimeFetchResult Result(string feed, DateTimeOffset? headerTime, int trips = 1) =>
        Result(feed, GtfsRealtimePayloads.TripFeed(headerTime, Enumerable.Range(0, trips).Select(i => $"{feed}-trip-{i}")), headerTime);

    /// <summary>A payload-only answer carrying <paramref name="payload"/>, said to have <paramref name="headerTime"/>.</summary>
    public GtfsRealtimeFetchResult Result(string feed, byte[] payload, DateTimeOffset? headerTime) =>
        new(Response(feed, 200, notModified: false, timeProvider.GetUtcNow(), payload), null) { HeaderTime = headerTime };

    public static GtfsRealtimeFeed Message(string feed, DateTimeOffset? headerTime, int trips = 1) => new(
        feed,
        "2.0",
        headerTime,
        FeedIncrementality.FullDataset,
        "1.0",
        Enumerable.Range(0, trips).Select(i => new TripUpdate(
            $"{feed}-{i}",
            new TripDescriptor($"{feed}-trip-{i}", "4", 0, null, "20250101", TripScheduleRelationship.Scheduled, null, true, null),
            null,
            null,
            null,
            [])).ToArray(),
        [],
        []);

    public static FeedResponse Response(string feed, int status, bool notModified, DateTimeOffset at, byte[]? body = null) => new(
        feed,
        status,
        notModified,
        body ?? (notModified ? ReadOnlyMemory<byte>.Empty : new byte[100]),
        "application/x-protobuf",
        null,
        null,
        at,
        TimeSpan.FromMilliseconds(40),
        new Dictionary<string, string>(),
        null);
}
