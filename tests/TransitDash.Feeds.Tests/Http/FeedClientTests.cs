using System.Net;
using System.Net.Sockets;
using System.Text;
using Polly;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TransitDash.Feeds.Http;
using TransitDash.Testing;
using TransitDash.Simulator.Upstream;

namespace TransitDash.Feeds.Tests.Http;

public sealed class FeedClientTests : IAsyncLifetime
{
    private const string Secret = "s3cret-key";
    private const int Limit = 64 * 1024;

    private LoopbackUpstream upstream = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => upstream = await LoopbackUpstream.StartAsync(Cancel);

    public async ValueTask DisposeAsync() => await upstream.DisposeAsync();

    [Fact]
    public async Task GetAsync_ApiKeySet_SendsXApiKeyHeader()
    {
        upstream.Map("/feed", UpstreamBehavior.Serve(Bytes(10), "application/octet-stream"));
        using var services = FeedClientHost.Create();

        await services.FeedClient().GetAsync(new FeedRequest("ACE", upstream.Url("/feed")) { ApiKey = Secret }, Cancel);

        Assert.Equal(Secret, Assert.Single(upstream.RequestsTo("/feed")).Header("x-api-key"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task GetAsync_NoApiKey_SendsNoXApiKeyHeader(string? apiKey)
    {
        upstream.Map("/feed", UpstreamBehavior.Serve(Bytes(10), "application/octet-stream"));
        using var services = FeedClientHost.Create();

        await services.FeedClient().GetAsync(new FeedRequest("ACE", upstream.Url("/feed")) { ApiKey = apiKey }, Cancel);

        Assert.False(Assert.Single(upstream.RequestsTo("/feed")).Headers.ContainsKey("x-api-key"));
    }

    [Fact]
    public async Task GetAsync_MtaPathWithEscapedSlash_SendsTheEscapeLiterally()
    {
        const string path = "/Dataservice/mtagtfsfeeds/nyct%2Fgtfs-ace";
        var payload = Fixtures.Bytes("mta/gtfs-ace-20211126T205723Z.pb");
        upstream.Map(path, UpstreamBehavior.Serve(payload, "application/x-protobuf"));
        using var services = FeedClientHost.Create();

        var response = await services.FeedClient().GetAsync(new FeedRequest("ACE", upstream.Url(path)), Cancel);

        Assert.Equal(path, Assert.Single(upstream.Requests).RawTarget);
        Assert.Equal(payload, response.Body.ToArray());
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task GetAsync_CompressedBody_IsDecoded(string encoding)
    {
        var payload = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"station_id\":\"66dc1c5c\"},", 500)));
        upstream.Map("/feed", UpstreamBehavior.Serve(new UpstreamPayload(payload, "application/json") { Encodings = [encoding] }));
        using var services = FeedClientHost.Create();

        var response = await services.FeedClient().GetAsync(new FeedRequest("citibike", upstream.Url("/feed")), Cancel);

        Assert.Equal(encoding, Assert.Single(upstream.Requests).ResponseContentEncoding);
        Assert.Equal(payload, response.Body.ToArray());
        Assert.Equal("application/json", response.ContentType);
    }

    [Fact]
    public async Task GetAsync_DeclaredLengthOverCap_FailsWithoutWaitingForTheBody()
    {
        // The body never comes: only a check of Content-Length can end this request.
        upstream.Map("/feed", UpstreamBehavior.HangAfterHeaders(contentLength: Limit + 1));
        using var services = FeedClientHost.Create();

        var error = await Assert.ThrowsAsync<FeedTooLargeException>(() =>
            services.FeedClient().GetAsync(new FeedRequest("ACE", upstream.Url("/feed")) { MaxResponseBytes = Limit }, Cancel));

        Assert.Equal(FeedErrorKind.TooLarge, error.Kind);
        Assert.Equal(Limit, error.LimitBytes);
    }

    [Fact]
    public async Task GetAsync_ChunkedBodyOverCap_StopsAtTheCap()
    {
        upstream.Map("/feed", UpstreamBehavior.Huge(totalBytes: 1L << 30, declareLength: false));
        using var services = FeedClientHost.Create();

        var error = await Assert.ThrowsAsync<FeedTooLargeException>(() =>
            services.FeedClient().GetAsync(new FeedRequest("ACE", upstream.Url("/feed")) { MaxResponseBytes = Limit }, Cancel));

        Assert.Equal(FeedErrorKind.TooLarge, error.Kind);
        Assert.Contains("ACE", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetAsync_BodyOfExactlyTheCap_IsAccepted(bool declareLength)
    {
        upstream.Map("/feed", UpstreamBehavior.Huge(totalBytes: Limit, declareLength));
        using var services = FeedClientHost.Create();

        var response = await services.FeedClient().GetAsync(new FeedRequest("ACE", upstream.Url("/feed")) { MaxResponseBytes = Limit }, Cancel);

        Assert.Equal(Limit, response.Body.Length);
    }

    [Fact]
    public async Task GetAsync_CompressedBodyOverCapOnceDecoded_IsTooLarge()
    {
        var payload = new byte[Limit * 4];
        upstream.Map("/feed", UpstreamBehavior.Serve(new UpstreamPayload(payload, "application/json") { Encodings = ["gzip"] }));
        using var services = FeedClientHost.Create();

        await Assert.ThrowsAsync<FeedTooLargeException>(() =>
            services.FeedClient().GetAsync(new FeedRequest("ACE", upstream.Url("/feed")) { MaxResponseBytes = Limit }, Cancel));
    }

    [Fact]
    public async Task GetAsync_MatchingETag_SendsIfNoneMatchAndReportsNotModified()
    {
        upstream.Map("/feed", UpstreamBehavior.Serve(new UpstreamPayload(Bytes(100), "application/x-protobuf") { ETag = "\"v1\"" }));
        using var services = FeedClientHost.Create();
        var client = services.FeedClient();

        var first = await client.GetAsync(new FeedRequest("ACE", upstream.Url("/feed")), Cancel);
        var second = await client.GetAsync(new FeedRequest("ACE", upstream.Url("/feed")) { IfNoneMatch = first.ETag }, Cancel);

        Assert.Equal("\"v1\"", first.ETag);
        Assert.Equal("\"v1\"", upstream.Requests[1].Header("If-None-Match"));
        Assert.True(second.NotModified);
        Assert.Equal(304, second.StatusCode);
        Assert.True(second.Body.IsEmpty);
    }

    [Fact]
    public async Task GetAsync_NotChangedSinceLastModified_SendsIfModifiedSinceAndReportsNotModified()
    {
        var lastModified = new DateTimeOffset(2025, 10, 2, 14, 20, 20, TimeSpan.Zero);
        upstream.Map("/feed", UpstreamBehavior.Serve(new UpstreamPayload(Bytes(100), "application/x-protobuf") { LastModified = lastModified }));
        using var services = FeedClientHost.Create();
        var client = services.FeedClient();

        var first = await client.GetAsync(new FeedRequest("ACE", upstream.Url("/feed")), Cancel);
        var second = await client.GetAsync(new FeedRequest("ACE", upstream.Url("/feed")) { IfModifiedSince = first.LastModified }, Cancel);

        Assert.Equal("Thu, 02 Oct 2025 14:20:20 GMT", first.LastModified);
        Assert.Equal(first.LastModified, upstream.Requests[1].Header("If-Modified-Since"));
        Assert.True(second.NotModified);
    }

    [Fact]
    public async Task GetAsync_Success_ReportsHeadersAndTiming()
    {
        var now = new DateTimeOffset(2025, 10, 2, 14, 20, 20, TimeSpan.Zero);
        upstream.Map("/feed", UpstreamBehavior.Serve(new UpstreamPayload(Bytes(100), "application/x-protobuf") { ETag = "W/\"abc\"" }));
        using var services = FeedClientHost.Create(timeProvider: new FakeTimeProvider(now));

        var response = await services.FeedClient().GetAsync(new FeedRequest("ACE", upstream.Url("/feed")), Cancel);

        Assert.Equal("ACE", response.FeedName);
        Assert.Equal(200, response.StatusCode);
        Assert.False(response.NotModified);
        Assert.Equal("W/\"abc\"", response.ETag);
        Assert.Equal("application/x-protobuf", response.Headers["content-type"]);
        Assert.Equal(now, response.ReceivedAt);
        Assert.Null(response.SourceFile);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, FeedErrorKind.Http4xx)]
    [InlineData(HttpStatusCode.TooManyRequests, FeedErrorKind.Http4xx)]
    [InlineData(HttpStatusCode.InternalServerError, FeedErrorKind.Http5xx)]
    [InlineData(HttpStatusCode.BadGateway, FeedErrorKind.Http5xx)]
    public async Task GetAsync_ErrorStatus_IsFeedHttpExceptionOfItsKind(HttpStatusCode status, FeedErrorKind kind)
    {
        upstream.Map("/feed", UpstreamBehavior.Status(status));
        using var services = FeedClientHost.Create();

        var error = await Assert.ThrowsAsync<FeedHttpException>(() =>
            services.FeedClient().GetAsync(new FeedRequest("ACE", upstream.Url("/feed?token=" + Secret)) { ApiKey = Secret }, Cancel));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.StatusCode);
        Assert.Null(error.RetryAfter);
        AssertNamesFeedWithoutSecrets(error, "ACE");
    }

    [Fact]
    public async Task GetAsync_503WithRetryAfterSeconds_CarriesTheDelay()
    {
        upstream.Map("/feed", UpstreamBehavior.Status(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(120)));
        using var services = FeedClientHost.Create();

        var error = await Assert.ThrowsAsync<FeedHttpException>(() =>
            services.FeedClient().GetAsync(new FeedRequest("ACE", upstream.Url("/feed")), Cancel));

        Assert.Equal(FeedErrorKind.Http5xx, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
    }

    [Fact]
    public async Task GetAsync_503WithRetryAfterDate_CarriesTheDelayFromNow()
    {
        var now = new DateTimeOffset(2025, 10, 2, 14, 20, 20, TimeSpan.Zero);
        upstream.Map("/feed", UpstreamBehavior.Status(HttpStatusCode.ServiceUnavailable, now.AddSeconds(90)));
        using var services = FeedClientHost.Create(timeProvider: new FakeTimeProvider(now));

        var error = await Assert.ThrowsAsync<FeedHttpException>(() =>
            services.FeedClient().GetAsync(new FeedRequest("ACE", upstream.Url("/feed")), Cancel));

        Assert.Equal(TimeSpan.FromSeconds(90), error.RetryAfter);
    }

    [Fact]
    public async Task GetAsync_UpstreamHangsPastHttpClientTimeout_IsTimeout()
    {
        upstream.Map("/feed", UpstreamBehavior.Hang());
        var timeout = TimeSpan.FromMilliseconds(300);
        using var services = FeedClientHost.Create(c => c.ConfigureHttpClient(h => h.Timeout = timeout));

        var error = await Assert.ThrowsAsync<FeedTimeoutException>(() =>
            services.FeedClient().GetAsync(new FeedRequest("ACE", upstream.Url("/feed?token=" + Secret)), Cancel));

        Assert.Equal(FeedErrorKind.Timeout, error.Kind);
        Assert.Equal(timeout, error.Timeout);
        AssertNamesFeedWithoutSecrets(error, "ACE");
    }

    [Fact]
    public async Task GetAsync_ResilienceTimeoutFires_IsTimeoutOfThatPipeline()
    {
        // The caching package adds a Polly pipeline to the named client; Feeds knows Polly's timeout by name only.
        upstream.Map("/feed", UpstreamBehavior.Hang());
        var attemptTimeout = TimeSpan.FromMilliseconds(300);
        using var services = FeedClientHost.Create(c => c.AddResilienceHandler("test", pipeline => pipeline.AddTimeout(attemptTimeout)));

        var error = await Assert.ThrowsAsync<FeedTimeoutException>(() =>
            services.FeedClient().GetAsync(new FeedRequest("ACE", upstream.Url("/feed")), Cancel));

        Assert.Equal(attemptTimeout, error.Timeout);
    }

    [Fact]
    public async Task GetAsync_BodyDripsPastHttpClientTimeout_IsTimeout()
    {
        // Headers arrive at once; HttpClient's own timeout no longer covers the body, the client's must.
        upstream.Map("/feed", UpstreamBehavior.Drip(Bytes(1000), bytesPerWrite: 10, pause: TimeSpan.FromSeconds(1)));
        using var services = FeedClientHost.Create(c => c.ConfigureHttpClient(h => h.Timeout = TimeSpan.FromMilliseconds(300)));

        var error = await Assert.ThrowsAsync<FeedTimeoutException>(() =>
            services.FeedClient().GetAsync(new FeedRequest("ACE", upstream.Url("/feed")), Cancel));

        Assert.Equal(FeedErrorKind.Timeout, error.Kind);
    }

    [Fact]
    public async Task GetAsync_ConnectionRefused_IsConnection()
    {
        using var services = FeedClientHost.Create();

        var error = await Assert.ThrowsAsync<FeedConnectionException>(() =>
            services.FeedClient().GetAsync(new FeedRequest("ACE", LoopbackUpstream.ClosedPortUrl("/feed?token=" + Secret)) { ApiKey = Secret }, Cancel));

        Assert.Equal(FeedErrorKind.Connection, error.Kind);
        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
        AssertNamesFeedWithoutSecrets(error, "ACE");
    }

    [Fact]
    public async Task GetAsync_ConnectionResetMidBody_IsConnection()
    {
        upstream.Map("/feed", UpstreamBehavior.ResetMidBody(Bytes(10_000), bytesBeforeReset: 1000));
        using var services = FeedClientHost.Create();

        var error = await Assert.ThrowsAsync<FeedConnectionException>(() =>
            services.FeedClient().GetAsync(new FeedRequest("ACE", upstream.Url("/feed")), Cancel));

        Assert.Equal(FeedErrorKind.Connection, error.Kind);
        AssertNamesFeedWithoutSecrets(error, "ACE");
    }

    [Fact]
    public async Task GetAsync_HostNameDoesNotResolve_IsDns()
    {
        // No real lookup: the connect step fails the way a resolver miss does.
        var connectAttempts = 0;
        using var services = FeedClientHost.Create(c => c.ConfigurePrimaryHttpMessageHandler((handler, _) =>
            ((SocketsHttpHandler)handler).ConnectCallback = (_, _) =>
            {
                Interlocked.Increment(ref connectAttempts);
                throw new SocketException((int)SocketError.HostNotFound);
            }));

        var error = await Assert.ThrowsAsync<FeedConnectionException>(() =>
            services.FeedClient().GetAsync(new FeedRequest("ACE", "http://feeds.transitdash.invalid/nyct%2Fgtfs?token=" + Secret), Cancel));

        Assert.Equal(FeedErrorKind.Dns, error.Kind);
        Assert.Equal(1, connectAttempts);
        AssertNamesFeedWithoutSecrets(error, "ACE");
    }

    [Fact]
    public async Task GetAsync_CallerCancels_OperationCanceledPropagates()
    {
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        upstream.Map("/feed", UpstreamBehavior.Custom(async (_, serverToken) =>
        {
            await caller.CancelAsync();
            await Task.Delay(Timeout.Infinite, serverToken);
        }));
        using var services = FeedClientHost.Create();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            services.FeedClient().GetAsync(new FeedRequest("ACE", upstream.Url("/feed")), caller.Token));

        Assert.Equal(caller.Token, error.CancellationToken);
    }

    [Theory]
    [InlineData("ftp://example.com/feed")]
    [InlineData("")]
    public async Task GetAsync_UnusableUrl_IsArgumentErrorNamingTheFeed(string url)
    {
        using var services = FeedClientHost.Create();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => services.FeedClient().GetAsync(new FeedRequest("ACE", url), Cancel));

        Assert.Contains("'ACE'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_HtmlPage_IsReturnedWithItsContentType()
    {
        upstream.Map("/feed", UpstreamBehavior.HtmlPage());
        using var services = FeedClientHost.Create();

        var response = await services.FeedClient().GetAsync(new FeedRequest("ACE", upstream.Url("/feed")), Cancel);

        Assert.Equal("text/html", response.ContentType);
    }

    internal static byte[] Bytes(int count) => Enumerable.Range(0, count).Select(i => (byte)i).ToArray();

    internal static void AssertNamesFeedWithoutSecrets(FeedException error, string feedName)
    {
        Assert.Equal(feedName, error.FeedName);
        Assert.Contains($"'{feedName}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("token", error.Message, StringComparison.Ordinal);
    }
}
