using System.Net;
using System.Text.Json.Nodes;
using TransitDash.Hosting.Rendering;
using TransitDash.Web.Tests.Support;

namespace TransitDash.Web.Tests.Api;

/// <summary>Cached bodies sent compressed to clients that accept gzip or br: the same JSON, their own
/// entity tags, and nothing else about the answers changed.</summary>
public sealed class CompressionTests(RecordingsHost recordings)
{
    [Theory]
    [InlineData("/api/subway", "gzip", "gzip")]
    [InlineData("/api/subway?limit=20", "br", "br")]
    [InlineData("/api/subway?limit=20", "gzip, deflate, br, zstd", "br")]
    [InlineData("/api/citibike", "gzip", "gzip")]
    [InlineData("/api/citibike", "br;q=0.5, gzip;q=0.4", "br")]
    public async Task Get_ClientAcceptingACoding_GetsBytesThatDecodeToTheIdentityBody(string url, string acceptEncoding, string expected)
    {
        var host = await recordings.GetAsync();

        // The identity body changes every second (staleness_seconds): when two identity answers taken
        // before and after the compressed one are the same, the compressed one was made from that body.
        for (var attempt = 0; ; attempt++)
        {
            var before = await RawAnswer.GetAsync(host.Client, url);
            var compressed = await RawAnswer.GetAsync(host.Client, url, acceptEncoding);
            var after = await RawAnswer.GetAsync(host.Client, url);
            Assert.True(compressed.Status == HttpStatusCode.OK, compressed.ToString());
            Assert.Equal(expected, compressed.ContentEncoding);
            Assert.Contains("Accept-Encoding", compressed.Vary);
            Assert.EndsWith($"-{expected}\"", compressed.ETag);
            Assert.True(compressed.Bytes.Length < before.Bytes.Length, $"{compressed.Bytes.Length} compressed bytes against {before.Bytes.Length}");
            if (before.Bytes.AsSpan().SequenceEqual(after.Bytes))
            {
                Assert.Null(before.ContentEncoding);
                Assert.Contains("Accept-Encoding", before.Vary);
                Assert.Equal(before.Bytes, ContentCodings.Decode(compressed.Bytes, compressed.ContentEncoding));
                return;
            }

            Assert.True(attempt < 5, "the identity body changed around every compressed answer");
        }
    }

    [Theory]
    [InlineData("gzip;q=0")]
    [InlineData("br;q=0, gzip;q=0")]
    [InlineData("*;q=0")]
    [InlineData("deflate, identity")]
    public async Task Get_EveryOfferedCodingRefused_AnswersIdentity(string acceptEncoding)
    {
        var host = await recordings.GetAsync();

        var answer = await RawAnswer.GetAsync(host.Client, "/api/subway", acceptEncoding);

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Null(answer.ContentEncoding);
        Assert.DoesNotContain("-gzip\"", answer.ETag);
        Assert.DoesNotContain("-br\"", answer.ETag);
        Assert.True((bool?)answer.Json()["success"]);
    }

    [Fact]
    public async Task Get_BrotliRefusedGzipAccepted_AnswersGzip()
    {
        var host = await recordings.GetAsync();

        var answer = await RawAnswer.GetAsync(host.Client, "/api/subway", "br;q=0, gzip");

        Assert.Equal("gzip", answer.ContentEncoding);
        Assert.True((bool?)answer.Json()["success"]);
    }

    [Fact]
    public async Task Get_SmallBody_AnswersIdentityEvenWhenGzipIsAccepted()
    {
        var host = await recordings.GetAsync();

        var answer = await RawAnswer.GetAsync(host.Client, "/api/subway?limit=1", "gzip, br");

        Assert.True(answer.Bytes.Length < CachedBody.MinimumCompressedLength, answer.ToString());
        Assert.Null(answer.ContentEncoding);
        Assert.Contains("Accept-Encoding", answer.Vary);
        Assert.Single(answer.Json()["data"]!.AsArray());
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Get_CompressedTagInIfNoneMatch_Answers304(string coding)
    {
        var host = await recordings.GetAsync();

        // As for identity: a changed tag (a minute count moved) must come with a body, an unchanged one with 304.
        for (var attempt = 0; ; attempt++)
        {
            var first = await RawAnswer.GetAsync(host.Client, "/api/subway?limit=20", coding);
            var again = await RawAnswer.GetAsync(host.Client, "/api/subway?limit=20", coding, first.ETag);
            if (again.Status == HttpStatusCode.NotModified)
            {
                Assert.Empty(again.Bytes);
                Assert.Equal(first.ETag, again.ETag);
                Assert.Contains("Accept-Encoding", again.Vary);
                return;
            }

            Assert.True(again.Status == HttpStatusCode.OK, again.ToString());
            Assert.NotEqual(first.ETag, again.ETag);
            Assert.True(attempt < 3, "the tag changed between every pair of requests");
        }
    }

    [Fact]
    public async Task Get_IdentityTagWithGzipAccepted_AnswersTheGzipBody()
    {
        var host = await recordings.GetAsync();

        // The client holds the identity representation; the one it asks for now is another, with another tag.
        var identity = await RawAnswer.GetAsync(host.Client, "/api/citibike");
        var gzip = await RawAnswer.GetAsync(host.Client, "/api/citibike", "gzip", identity.ETag);
        var gzipAgain = await RawAnswer.GetAsync(host.Client, "/api/citibike", "gzip", gzip.ETag);
        var identityAgain = await RawAnswer.GetAsync(host.Client, "/api/citibike", null, gzip.ETag);

        Assert.True(gzip.Status == HttpStatusCode.OK, gzip.ToString());
        Assert.Equal("gzip", gzip.ContentEncoding);
        Assert.NotEqual(identity.ETag, gzip.ETag);
        Assert.Equal(HttpStatusCode.NotModified, gzipAgain.Status);
        Assert.True(identityAgain.Status == HttpStatusCode.OK, identityAgain.ToString());
        Assert.Null(identityAgain.ContentEncoding);
    }

    [Fact]
    public async Task GetStream_ClientAcceptingCompression_GetsPlainEvents()
    {
        var host = await recordings.GetAsync();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Eventually.Deadline);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stream");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br");

        using var response = await host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        using var events = new ServerSentEvents(await response.Content.ReadAsStreamAsync(deadline.Token));
        var subway = await events.NextAsync("subway", deadline.Token);
        var bikes = await events.NextAsync("citibike", deadline.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.True((bool?)subway.Json["success"]);
        Assert.NotEmpty(subway.Json["data"]!.AsArray());
        Assert.True((bool?)bikes.Json["success"]);
    }

    /// <summary>An answer as sent: bytes still in their content coding.</summary>
    private sealed record RawAnswer(HttpStatusCode Status, string ETag, string? ContentEncoding, string[] Vary, byte[] Bytes)
    {
        public static async Task<RawAnswer> GetAsync(HttpClient client, string url, string? acceptEncoding = null, string? ifNoneMatch = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (acceptEncoding is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            }

            if (ifNoneMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
            }

            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
            return new RawAnswer(
                response.StatusCode,
                response.Headers.ETag?.ToString() ?? string.Empty,
                response.Content.Headers.ContentEncoding.SingleOrDefault(),
                [.. response.Headers.Vary],
                bytes);
        }

        public JsonNode Json() => JsonNode.Parse(ContentCodings.Decode(Bytes, ContentEncoding))!;

        public override string ToString() => $"{(int)Status} {ContentEncoding ?? "identity"} {Bytes.Length} bytes, ETag {ETag}";
    }
}
