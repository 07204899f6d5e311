using System.Net;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.Http;
using TransitDash.Simulator.Upstream;
using TransitDash.Testing;

namespace TransitDash.Feeds.Tests.Http;

/// <summary>Sources that ask for the payload only: the same checks as a parse, without the typed model.</summary>
public sealed partial class GtfsRealtimeClientTests
{
    public static TheoryData<string> Recordings()
    {
        var data = new TheoryData<string>();
        foreach (var path in Fixtures.MtaRecordings())
        {
            data.Add(System.IO.Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public async Task FetchAsync_PayloadOnlyRecording_BytesAndHeaderTimeAsParsedWithoutTheTypedModel(string file)
    {
        var bytes = Fixtures.Bytes($"mta/{file}");

        var result = await Client.FetchAsync(new GtfsRealtimeFeedSource("feed", Fixtures.Path($"mta/{file}")) { PayloadOnly = true }, Cancel);

        Assert.Null(result.Feed);
        Assert.False(result.NotModified);
        Assert.Equal(bytes, result.Response.Body.ToArray());
        Assert.Equal(GtfsRealtimeParser.ParseTripFeed("feed", bytes).HeaderTime, result.HeaderTime);
    }

    [Fact]
    public async Task FetchAsync_PayloadOnlyUnchangedFeed_NotModifiedCarriesTheAcceptedHeaderTime()
    {
        upstream.Map(Path, UpstreamBehavior.Serve(Payload(Fixtures.Bytes(Ace), etag: "\"ace-1\"")));
        var source = new GtfsRealtimeFeedSource("ACE", upstream.Url(Path)) { PayloadOnly = true };

        var first = await Client.FetchAsync(source, Cancel);
        var second = await Client.FetchAsync(source, Cancel);

        Assert.Equal("\"ace-1\"", upstream.Requests[1].Header("If-None-Match"));
        Assert.True(second.NotModified);
        Assert.True(second.Response.Body.IsEmpty);
        Assert.Equal(Header, first.HeaderTime);
        Assert.Equal(Header, second.HeaderTime);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(2000)]
    public async Task FetchAsync_PayloadOnlyCutPayload_BadPayloadWithTheParsersProblem(int length)
    {
        // 10 bytes cut the header itself; 2000 cut an entity.
        var cut = Fixtures.Bytes(Ace)[..length];
        upstream.Map(Path, UpstreamBehavior.Serve(Payload(cut, etag: null)));
        var expected = Assert.Throws<FeedPayloadException>(() => GtfsRealtimeParser.ParseTripFeed("ACE", cut));

        var error = await Assert.ThrowsAsync<FeedPayloadException>(() =>
            Client.FetchAsync(new GtfsRealtimeFeedSource("ACE", upstream.Url(Path)) { PayloadOnly = true }, Cancel));

        Assert.Equal(FeedErrorKind.BadPayload, error.Kind);
        Assert.Equal(expected.Problem, error.Problem);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FetchAsync_NotModifiedToARequestWithoutValidators_IsBadPayload(bool payloadOnly)
    {
        upstream.Map(Path, UpstreamBehavior.Status(HttpStatusCode.NotModified));

        var error = await Assert.ThrowsAsync<FeedPayloadException>(() =>
            Client.FetchAsync(new GtfsRealtimeFeedSource("ACE", upstream.Url(Path)) { PayloadOnly = payloadOnly }, Cancel));

        Assert.Equal(FeedErrorKind.BadPayload, error.Kind);
        Assert.Contains("304", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_PayloadOnlyAlertFeed_IsRefusedBeforeAnyRequest()
    {
        upstream.Map(Path, UpstreamBehavior.Serve(Payload(Fixtures.Bytes(Ace), etag: null)));

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Client.FetchAsync(new GtfsRealtimeFeedSource("alerts", upstream.Url(Path), GtfsRealtimeFeedKind.Alerts) { PayloadOnly = true }, Cancel));

        Assert.Contains("PayloadOnly applies to trip feeds only", error.Message, StringComparison.Ordinal);
        Assert.Empty(upstream.Requests);
    }
}
