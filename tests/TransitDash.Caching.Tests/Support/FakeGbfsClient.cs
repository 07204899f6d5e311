using TransitDash.Feeds.Gbfs;
using TransitDash.Feeds.Http;

namespace TransitDash.Caching.Tests.Support;

/// <summary>A GBFS client whose answers the test decides.</summary>
internal sealed class FakeGbfsClient(TimeProvider timeProvider) : IGbfsClient
{
    public int CallCount;

    public Func<GbfsSource, CancellationToken, Task<GbfsFetchResult>>? Handler { get; set; }

    public SemaphoreSlim Called { get; } = new(0);

    public List<DateTimeOffset> CallTimes { get; } = [];

    public Task<GbfsFetchResult> FetchAsync(GbfsSource source, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref CallCount);
        lock (CallTimes)
        {
            CallTimes.Add(timeProvider.GetUtcNow());
        }

        Called.Release();
        return Handler is { } handler ? handler(source, cancellationToken) : Task.FromResult(Result(System(timeProvider.GetUtcNow())));
    }

    public GbfsFetchResult Result(GbfsSystem? system) => new(
        system,
        [FakeGtfsRealtimeClient.Response("station_status", system is null ? 304 : 200, system is null, timeProvider.GetUtcNow())]);

    public static GbfsSystem System(DateTimeOffset lastUpdated, params BikeStation[] stations) => new(
        "2.3",
        lastUpdated,
        60,
        stations,
        [],
        []);
}
