using System.Collections.Concurrent;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.Http;

namespace TransitDash.Caching.Tests.Support;

/// <summary>A GTFS-Realtime client whose answer per feed the test decides; records every call with the
/// fake clock's time.</summary>
internal sealed class FakeGtfsRealtimeClient(TimeProvider timeProvider) : IGtfsRealtimeClient
{
    private readonly ConcurrentDictionary<string, Func<GtfsRealtimeFeedSource, CancellationToken, Task<GtfsRealtimeFetchResult>>> _handlers = new();

    public ConcurrentQueue<(string Feed, DateTimeOffset At)> Calls { get; } = new();

    /// <summary>Signalled once per call.</summary>
    public SemaphoreSlim Called { get; } = new(0);

    /// <summary>The answer for feeds without their own: a message with the current time as header time.</summary>
    public Func<GtfsRealtimeFeedSource, CancellationToken, Task<GtfsRealtimeFetchResult>>? Default { get; set; }

    public void On(string feed, Func<GtfsRealtimeFeedSource, CancellationToken, Task<GtfsRealtimeFetchResult>> handler) => _handlers[feed] = handler;

    public void Answer(string feed, GtfsRealtimeFeed message) => On(feed, (_, _) => Task.FromResult(Result(message)));

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
        Called.Release();
        if (_handlers.TryGetValue(source.Name, out var handler))
        {
            return handler(source, cancellationToken);
        }

        return Default is { } fallback
            ? fallback(source, cancellationToken)
            : Task.FromResult(Result(Message(source.Name, timeProvider.GetUtcNow())));
    }

    public GtfsRealtimeFetchResult Result(GtfsRealtimeFeed message) =>
        new(Response(message.FeedName, 200, notModified: false, timeProvider.GetUtcNow()), message);

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

    public static FeedResponse Response(string feed, int status, bool notModified, DateTimeOffset at) => new(
        feed,
        status,
        notModified,
        notModified ? ReadOnlyMemory<byte>.Empty : new byte[100],
        "application/x-protobuf",
        null,
        null,
        at,
        TimeSpan.FromMilliseconds(40),
        new Dictionary<string, string>(),
        null);
}
