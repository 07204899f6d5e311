using Microsoft.Extensions.Logging;
using TransitDash.Caching.Tests.Support;
using TransitDash.Feeds;
using TransitDash.Feeds.Gbfs;
using TransitDash.Options;
using TransitDash.Snapshots;
using TransitDash.Sources;

namespace TransitDash.Caching.Tests.Sources;

public sealed class CitibikeSourceTests : IDisposable
{
    private readonly PollingHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static BikeStation Station(string id, string name, int bikes) =>
        new(id, name, 40.7, -74.0, 20, new BikeStationStatus(bikes, 0, 20 - bikes, true, true, true, null, []));

    private CitibikeSource Source() => new(
        new CitibikeOptions
        {
            DiscoveryUrl = "http://127.0.0.1:1/gbfs.json",
            Stations = [new BikeStationOptions { Name = "Broadway & Morris St" }, new BikeStationOptions { Id = "gone" }],
        },
        _harness.Options.Resilience,
        _harness.Gbfs,
        _harness.Pipelines,
        _harness.Logger);

    [Fact]
    public async Task FetchAsync_StationsTheFeedLacks_AreWarningsLoggedOnce()
    {
        var system = FakeGbfsClient.System(PollingHarness.Start.AddSeconds(-20), Station("1", "Broadway & Morris St", 5));
        _harness.Gbfs.Handler = (_, _) => Task.FromResult(_harness.Gbfs.Result(system));
        var source = Source();

        var result = await source.FetchAsync(CancellationToken.None);
        await source.FetchAsync(CancellationToken.None);

        Assert.True(result.HasData);
        Assert.Null(result.Error);
        Assert.Equal("Broadway & Morris St", Assert.Single(result.Data!.Stations).Name);
        Assert.Equal(["gone"], result.Data.MissingStations);
        Assert.Equal(["Station 'gone' is not in the GBFS feed."], result.Warnings);
        Assert.Single(_harness.Messages(LogLevel.Warning));
        Assert.Equal(PollingHarness.Start.AddSeconds(-20), result.UpstreamTime);
        Assert.Equal("Fetched 1 stations", result.Summary);
    }

    [Fact]
    public async Task FetchAsync_NotModified_KeepsTheBoardAsASuccess()
    {
        var system = FakeGbfsClient.System(PollingHarness.Start, Station("1", "Broadway & Morris St", 5));
        _harness.Gbfs.Handler = (_, _) => Task.FromResult(_harness.Gbfs.Result(system));
        var source = Source();
        var first = await source.FetchAsync(CancellationToken.None);

        _harness.Gbfs.Handler = (_, _) => Task.FromResult(_harness.Gbfs.Result(null));
        var second = await source.FetchAsync(CancellationToken.None);

        Assert.True(second.HasData);
        Assert.Same(first.Data, second.Data);
        Assert.Equal(AttemptOutcome.NotModified, Assert.Single(second.Attempts).Outcome);
    }

    [Fact]
    public async Task FetchAsync_NotModifiedBeforeAnyData_Fails()
    {
        _harness.Gbfs.Handler = (_, _) => Task.FromResult(_harness.Gbfs.Result(null));

        var result = await Source().FetchAsync(CancellationToken.None);

        Assert.False(result.HasData);
        Assert.Equal(FeedErrorKind.BadPayload, result.Error!.Kind);
    }

    [Fact]
    public async Task Refresh_ClientThrows_RecordsTheFeedItNames()
    {
        _harness.Gbfs.Handler = (_, _) => Task.FromException<Feeds.Http.GbfsFetchResult>(new FeedHttpException("citibike/station_status", System.Net.HttpStatusCode.NotFound));
        var refresher = _harness.Refresher(Source(), "Citibike");

        await refresher.RefreshAsync(CancellationToken.None);

        var metadata = _harness.Store.GetMetadata("citibike")!;
        Assert.Equal(FeedErrorKind.Http4xx, metadata.LastError!.Kind);
        Assert.Equal("citibike/station_status", Assert.Single(metadata.Feeds).Feed);
        Assert.Contains(_harness.Messages(LogLevel.Warning), m => m.StartsWith("Citibike: feed citibike/station_status failed (http_4xx)", StringComparison.Ordinal));
    }
}
