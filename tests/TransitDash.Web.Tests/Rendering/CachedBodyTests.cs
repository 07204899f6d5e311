using System.Text;
using TransitDash.Hosting.Rendering;
using TransitDash.Web.Tests.Support;

namespace TransitDash.Web.Tests.Rendering;

public sealed class CachedBodyTests
{
    private const string Tag = "W/\"42-0123456789abcdef\"";

    [Theory]
    [InlineData(ContentCoding.Gzip, "gzip")]
    [InlineData(ContentCoding.Brotli, "br")]
    public void For_Compressing_DecompressesToTheIdentityBody(ContentCoding coding, string name)
    {
        var body = new CachedBody(Json(200), Tag);

        var compressed = body.For(coding);

        Assert.Equal(name, compressed.ContentEncoding);
        Assert.True(compressed.Bytes.Length < body.Body.Length / 4, $"{compressed.Bytes.Length} bytes out of {body.Body.Length}");
        Assert.Equal(body.Body, ContentCodings.Decode(compressed.Bytes, name));
    }

    [Fact]
    public void For_Compressing_GivesEachCodingItsOwnWeakTag()
    {
        var body = new CachedBody(Json(200), Tag);

        Assert.Equal(Tag, body.For(ContentCoding.Identity).ETag);
        Assert.Equal("W/\"42-0123456789abcdef-gzip\"", body.For(ContentCoding.Gzip).ETag);
        Assert.Equal("W/\"42-0123456789abcdef-br\"", body.For(ContentCoding.Brotli).ETag);
    }

    [Fact]
    public async Task For_ManyThreadsAtOnce_CompressesOncePerCoding()
    {
        var body = new CachedBody(Json(500), Tag);
        using var start = new Barrier(8);

        var got = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            return Enumerable.Range(0, 50).Select(_ => body.For(i % 2 == 0 ? ContentCoding.Gzip : ContentCoding.Brotli)).ToArray();
        })));

        Assert.Equal(2, body.Compressions);
        var all = got.SelectMany(g => g).ToArray();
        Assert.Single(all.Where(r => r.ContentEncoding == "gzip").Distinct(ReferenceEqualityComparer.Instance));
        Assert.Single(all.Where(r => r.ContentEncoding == "br").Distinct(ReferenceEqualityComparer.Instance));
    }

    [Fact]
    public void For_CacheHitOfACompressedBody_DoesNotCompressAgain()
    {
        var cache = new ResponseCache();
        var built = 0;
        CachedBody Get() => cache.GetOrAdd("subway", 7, "?limit=20", 1000, _ =>
        {
            built++;
            return new CachedBody(Json(100), Tag);
        }, 0);

        var first = Get().For(ContentCoding.Brotli);
        var second = Get().For(ContentCoding.Brotli);

        Assert.Equal(1, built);
        Assert.Same(first, second);
        Assert.Equal(1, Get().Compressions);
    }

    [Fact]
    public async Task GetOrAdd_ManyRequestsRaceOnANewKey_BuildOnceAndShareTheBody()
    {
        var cache = new ResponseCache();
        var built = 0;
        using var start = new Barrier(8);

        var got = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            return cache.GetOrAdd("subway", 7, "?limit=20", 1000, _ =>
            {
                Interlocked.Increment(ref built);

                // Long enough that every racer asks while the first build is still running.
                Thread.Sleep(100);
                return new CachedBody(Json(100), Tag);
            }, 0);
        })));

        Assert.Equal(1, built);
        Assert.Single(got.Distinct(ReferenceEqualityComparer.Instance));
    }

    [Fact]
    public void GetOrAdd_BuildThrows_IsNotKeptAndTheNextRequestBuildsAgain()
    {
        var cache = new ResponseCache();

        Assert.Throws<InvalidOperationException>(() => cache.GetOrAdd<int>("subway", 7, "", 1000, _ => throw new InvalidOperationException("broken"), 0));
        var body = cache.GetOrAdd("subway", 7, "", 1000, _ => new CachedBody(Json(1), Tag), 0);

        Assert.Equal(Tag, body.ETag);
    }

    [Fact]
    public void For_SmallBody_StaysIdentityAndCompressesNothing()
    {
        var body = new CachedBody(Json(2), Tag);

        Assert.True(body.Body.Length < CachedBody.MinimumCompressedLength);
        Assert.Same(body.Identity, body.For(ContentCoding.Gzip));
        Assert.Same(body.Identity, body.For(ContentCoding.Brotli));
        Assert.Equal(0, body.Compressions);
    }

    [Fact]
    public void For_BodyThatDoesNotShrink_StaysIdentity()
    {
        var noise = new byte[4096];
        new Random(7).NextBytes(noise);
        var body = new CachedBody(noise, Tag);

        Assert.Same(body.Identity, body.For(ContentCoding.Gzip));
        Assert.Same(body.Identity, body.For(ContentCoding.Gzip));
        Assert.Equal(1, body.Compressions);
    }

    [Theory]
    [InlineData("")]
    [InlineData("W/")]
    [InlineData("W/\"unterminated")]
    public void New_NotAQuotedTag_ThrowsNamingTheTag(string etag)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new CachedBody([], etag));

        Assert.Equal("etag", error.ParamName);
    }

    /// <summary>Arrival-like JSON, repetitive the way the API's bodies are.</summary>
    private static byte[] Json(int arrivals)
    {
        var text = new StringBuilder("{\"success\":true,\"data\":[");
        for (var i = 0; i < arrivals; i++)
        {
            text.Append(i == 0 ? "" : ",")
                .Append("{\"line\":\"4\",\"station\":\"Wall St\",\"direction\":\"N\",\"minutes_until\":").Append(i % 30)
                .Append(",\"stop_id\":\"419N\",\"arrival_time\":").Append(1707234567 + (i * 97)).Append(",\"trip_id\":\"0").Append(i * 13).Append("_4..N06R\"}");
        }

        return Encoding.UTF8.GetBytes(text.Append("],\"last_updated\":1707234560,\"staleness_seconds\":12}").ToString());
    }
}
