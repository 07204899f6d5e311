using Microsoft.Extensions.DependencyInjection;
using TransitDash.Feeds.Http;
using TransitDash.Testing;
using TransitDash.Simulator.Upstream;

namespace TransitDash.Feeds.Tests.Http;

public sealed partial class GtfsRealtimeClientTests : IAsyncLifetime
{
    private const string Ace = "mta/gtfs-ace-20211126T205723Z.pb";
    private const string Path = "/Dataservice/mtagtfsfeeds/nyct%2Fgtfs-ace";

    private static readonly byte[] NotProtobuf = [0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x12, 0x34];

    private LoopbackUpstream upstream = null!;
    private ServiceProvider services = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IGtfsRealtimeClient Client => services.GetRequiredService<IGtfsRealtimeClient>();

    public async ValueTask InitializeAsync()
    {
        upstream = await LoopbackUpstream.StartAsync(Cancel);
        services = FeedClientHost.Create();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await upstream.DisposeAsync();
    }

    [Fact]
    public async Task FetchAsync_UnchangedFeed_SecondFetchSendsIfNoneMatchAndParsesNothing()
    {
        upstream.Map(Path, UpstreamBehavior.Serve(Payload(Fixtures.Bytes(Ace), etag: "\"ace-1\"")));
        var source = new GtfsRealtimeFeedSource("ACE", upstream.Url(Path)) { ApiKey = "key" };

        var first = await Client.FetchAsync(source, Cancel);
        var second = await Client.FetchAsync(source, Cancel);

        Assert.NotNull(first.Feed);
        Assert.Equal("ACE", first.Feed.FeedName);
        Assert.NotEmpty(first.Feed.TripUpdates);
        Assert.Null(upstream.Requests[0].Header("If-None-Match"));
        Assert.Equal("\"ace-1\"", upstream.Requests[1].Header("If-None-Match"));
        Assert.Equal(304, upstream.Requests[1].ResponseStatusCode);
        Assert.True(second.NotModified);
        Assert.Null(second.Feed);
        Assert.True(second.Response.NotModified);
    }

    [Fact]
    public async Task FetchAsync_OnlyLastModified_SecondFetchSendsIfModifiedSince()
    {
        var lastModified = new DateTimeOffset(2021, 11, 26, 20, 57, 23, TimeSpan.Zero);
        upstream.Map(Path, UpstreamBehavior.Serve(new UpstreamPayload(Fixtures.Bytes(Ace), "application/x-protobuf") { LastModified = lastModified }));
        var source = new GtfsRealtimeFeedSource("ACE", upstream.Url(Path));

        await Client.FetchAsync(source, Cancel);
        var second = await Client.FetchAsync(source, Cancel);

        Assert.Equal("Fri, 26 Nov 2021 20:57:23 GMT", upstream.Requests[1].Header("If-Modified-Since"));
        Assert.True(second.NotModified);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FetchAsync_PayloadFailsToParse_ItsETagIsNotRemembered(bool payloadOnly)
    {
        upstream.Map(Path, UpstreamBehavior.Serve(Payload(NotProtobuf, etag: "\"broken\"")));
        var source = new GtfsRealtimeFeedSource("ACE", upstream.Url(Path)) { PayloadOnly = payloadOnly };

        var error = await Assert.ThrowsAsync<FeedPayloadException>(() => Client.FetchAsync(source, Cancel));
        await Assert.ThrowsAsync<FeedPayloadException>(() => Client.FetchAsync(source, Cancel));

        Assert.Equal(FeedErrorKind.BadPayload, error.Kind);
        Assert.Equal("ACE", error.FeedName);
        Assert.Null(upstream.Requests[1].Header("If-None-Match"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FetchAsync_BadPayloadAfterGoodOne_KeepsAskingWithTheLastGoodETag(bool payloadOnly)
    {
        upstream.Map(Path, UpstreamBehavior.Sequence(
            UpstreamBehavior.Serve(Payload(Fixtures.Bytes(Ace), etag: "\"good\"")),
            UpstreamBehavior.Serve(Payload(NotProtobuf, etag: "\"broken\""))));
        var source = new GtfsRealtimeFeedSource("ACE", upstream.Url(Path)) { PayloadOnly = payloadOnly };

        await Client.FetchAsync(source, Cancel);
        await Assert.ThrowsAsync<FeedPayloadException>(() => Client.FetchAsync(source, Cancel));
        await Assert.ThrowsAsync<FeedPayloadException>(() => Client.FetchAsync(source, Cancel));

        Assert.Equal("\"good\"", upstream.Requests[2].Header("If-None-Match"));
    }

    [Fact]
    public async Task FetchAsync_FeedMovedToAnotherUrl_SendsNoOldValidators()
    {
        upstream.Map(Path, UpstreamBehavior.Serve(Payload(Fixtures.Bytes(Ace), etag: "\"ace-1\"")));
        upstream.Map("/elsewhere", UpstreamBehavior.Serve(Payload(Fixtures.Bytes(Ace), etag: "\"ace-1\"")));

        await Client.FetchAsync(new GtfsRealtimeFeedSource("ACE", upstream.Url(Path)), Cancel);
        var moved = await Client.FetchAsync(new GtfsRealtimeFeedSource("ACE", upstream.Url("/elsewhere")), Cancel);

        Assert.Null(Assert.Single(upstream.RequestsTo("/elsewhere")).Header("If-None-Match"));
        Assert.NotNull(moved.Feed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FetchAsync_HtmlPage_IsBadContentTypeWithoutParsing(bool payloadOnly)
    {
        upstream.Map(Path, UpstreamBehavior.HtmlPage());

        var error = await Assert.ThrowsAsync<FeedPayloadException>(() => Client.FetchAsync(new GtfsRealtimeFeedSource("ACE", upstream.Url(Path)) { PayloadOnly = payloadOnly }, Cancel));

        Assert.Equal(FeedErrorKind.BadContentType, error.Kind);
        Assert.Contains("text/html", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FetchAsync_SourceSettings_ReachTheRequest(bool payloadOnly)
    {
        upstream.Map(Path, UpstreamBehavior.Serve(Payload(Fixtures.Bytes(Ace), etag: null)));

        await Assert.ThrowsAsync<FeedTooLargeException>(() =>
            Client.FetchAsync(new GtfsRealtimeFeedSource("ACE", upstream.Url(Path)) { ApiKey = "k", MaxResponseBytes = 1000, PayloadOnly = payloadOnly }, Cancel));

        Assert.Equal("k", Assert.Single(upstream.Requests).Header("x-api-key"));
    }

    [Theory]
    [InlineData(GtfsRealtimeFeedKind.Trips, true)]
    [InlineData(GtfsRealtimeFeedKind.Alerts, false)]
    public async Task FetchAsync_Kind_PicksTheExtensionRegistry(GtfsRealtimeFeedKind kind, bool readsNyctHeader)
    {
        // Field 1001 of the header is NYCT in trip feeds and Mercury in alert feeds: only the trip
        // registry reads an MTA trip feed's header extension as NYCT.
        upstream.Map(Path, UpstreamBehavior.Fixture("mta/gtfs-1234567s-20211126T205625Z.pb"));

        var result = await Client.FetchAsync(new GtfsRealtimeFeedSource("1234567S", upstream.Url(Path), kind), Cancel);

        Assert.Equal(readsNyctHeader, result.Feed!.HasNyctExtension);
    }

    [Fact]
    public async Task FetchAsync_Recording_ParsesTheFile()
    {
        var result = await Client.FetchAsync(new GtfsRealtimeFeedSource("ACE", Fixtures.Path(Ace)), Cancel);

        Assert.Equal(Fixtures.Path(Ace), result.Response.SourceFile);
        Assert.Equal(156, result.Feed!.TripUpdates.Count);
    }

    private static UpstreamPayload Payload(byte[] body, string? etag) => new(body, "application/x-protobuf") { ETag = etag };
}
