using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TransitDash.Feeds.Http;
using TransitDash.Simulator.Upstream;
using TransitDash.Testing;

namespace TransitDash.Feeds.Tests.Http;

/// <summary>What the client refuses to accept: the wrong content type, and header times that go back or stand still.</summary>
public sealed partial class GtfsRealtimeClientTests
{
    private static readonly DateTimeOffset Header = new(2021, 11, 26, 20, 57, 23, TimeSpan.Zero);

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("application/problem+json")]
    [InlineData("application/xml")]
    public async Task FetchAsync_ContentTypeOfAnotherFormat_IsBadContentType(string contentType)
    {
        upstream.Map(Path, UpstreamBehavior.Serve(Fixtures.Bytes(Ace), contentType));

        var error = await Assert.ThrowsAsync<FeedPayloadException>(() => Client.FetchAsync(new GtfsRealtimeFeedSource("ACE", upstream.Url(Path)), Cancel));

        Assert.Equal(FeedErrorKind.BadContentType, error.Kind);
        Assert.Contains(contentType.Split(';')[0], error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/octet-stream")]
    [InlineData("application/x-google-protobuf")]
    public async Task FetchAsync_GenericOrProtobufContentType_IsParsed(string contentType)
    {
        upstream.Map(Path, UpstreamBehavior.Serve(Fixtures.Bytes(Ace), contentType));

        var result = await Client.FetchAsync(new GtfsRealtimeFeedSource("ACE", upstream.Url(Path)), Cancel);

        Assert.NotNull(result.Feed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FetchAsync_HeaderTimeGoesBack_IsTimeBackwardsAndTheNewerOneStaysAccepted(bool payloadOnly)
    {
        upstream.Map(Path, UpstreamBehavior.Sequence(
            Serve(Header, "\"new\""),
            Serve(Header.AddSeconds(-30), "\"old\""),
            Serve(Header.AddSeconds(30), "\"newer\"")));
        var source = new GtfsRealtimeFeedSource("ACE", upstream.Url(Path)) { PayloadOnly = payloadOnly };

        await Client.FetchAsync(source, Cancel);
        var error = await Assert.ThrowsAsync<FeedException>(() => Client.FetchAsync(source, Cancel));
        var newer = await Client.FetchAsync(source, Cancel);

        Assert.Equal(FeedErrorKind.TimeBackwards, error.Kind);
        Assert.Equal("Feed 'ACE' went back in time: its header time 2021-11-26T20:56:53Z is older than the 2021-11-26T20:57:23Z already held.", error.Message);
        Assert.Equal("\"new\"", upstream.Requests[2].Header("If-None-Match"));
        Assert.Equal(Header.AddSeconds(30), newer.HeaderTime);
        Assert.Equal(payloadOnly, newer.Feed is null);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("\"same\"", false)]
    [InlineData(null, true)]
    [InlineData("\"same\"", true)]
    public async Task FetchAsync_HeaderTimeStillLongerThanFrozenAfter_IsFrozenUntilItMoves(string? etag, bool payloadOnly)
    {
        // With an ETag the unchanged feed answers 304: not modified for too long is frozen too.
        var time = new FakeTimeProvider(Header);
        await using var clock = FeedClientHost.Create(timeProvider: time);
        var client = ClientOf(clock);
        upstream.Map(Path, Serve(Header, etag));
        var source = new GtfsRealtimeFeedSource("ACE", upstream.Url(Path)) { FrozenAfter = TimeSpan.FromSeconds(180), PayloadOnly = payloadOnly };

        await client.FetchAsync(source, Cancel);
        time.Advance(TimeSpan.FromSeconds(180));
        var stillAccepted = await client.FetchAsync(source, Cancel);
        time.Advance(TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<FeedException>(() => client.FetchAsync(source, Cancel));
        upstream.Map(Path, Serve(Header.AddSeconds(1), etag is null ? null : "\"moved\""));
        var moved = await client.FetchAsync(source, Cancel);

        Assert.Equal(etag is not null, stillAccepted.NotModified);
        Assert.Equal(Header, stillAccepted.HeaderTime);
        Assert.Equal(etag is null ? 200 : 304, upstream.Requests[1].ResponseStatusCode);
        Assert.Equal(FeedErrorKind.FrozenFeed, error.Kind);
        Assert.Equal("Feed 'ACE' is frozen: its header time 2021-11-26T20:57:23Z has not moved for 181 s (more than 180 s).", error.Message);
        Assert.Equal(Header.AddSeconds(1), moved.HeaderTime);
        Assert.Equal(payloadOnly, moved.Feed is null);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FetchAsync_RecordingReadAgain_IsNeverFrozen(bool payloadOnly)
    {
        var time = new FakeTimeProvider(Header);
        await using var clock = FeedClientHost.Create(timeProvider: time);
        var client = ClientOf(clock);
        var source = new GtfsRealtimeFeedSource("ACE", Fixtures.Path(Ace)) { FrozenAfter = TimeSpan.FromSeconds(60), PayloadOnly = payloadOnly };

        await client.FetchAsync(source, Cancel);
        time.Advance(TimeSpan.FromHours(1));
        var again = await client.FetchAsync(source, Cancel);

        Assert.Equal(Header, again.HeaderTime);
        Assert.Equal(payloadOnly, again.Feed is null);
    }

    private static IGtfsRealtimeClient ClientOf(IServiceProvider provider) => provider.GetRequiredService<IGtfsRealtimeClient>();

    private static UpstreamBehavior Serve(DateTimeOffset headerTime, string? etag) =>
        UpstreamBehavior.Serve(Payload(GtfsRealtimeRecordings.WithHeaderTime(Fixtures.Bytes(Ace), headerTime), etag));
}
