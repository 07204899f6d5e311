using System.Net;
using TransitDash.Web.Tests.Support;

namespace TransitDash.Web.Tests.Api;

public sealed class EntityTagTests(RecordingsHost recordings)
{
    [Theory]
    [InlineData("/api/citibike")]
    [InlineData("/api/citibike?limit=2")]
    [InlineData("/api/alerts")]
    public async Task Get_MatchingIfNoneMatch_Answers304WithoutABody(string url)
    {
        var host = await recordings.GetAsync();

        var first = await ApiAnswer.GetAsync(host.Client, url);
        var etag = first.Headers.ETag;
        var again = await ApiAnswer.GetAsync(host.Client, url, r => r.Headers.TryAddWithoutValidation("If-None-Match", etag!.ToString()));

        Assert.True(first.Status == HttpStatusCode.OK, first.ToString());
        Assert.NotNull(etag);
        Assert.True(etag.IsWeak);
        Assert.True(again.Status == HttpStatusCode.NotModified, again.ToString());
        Assert.Empty(again.Text);
        Assert.Equal(etag, again.Headers.ETag);
    }

    [Fact]
    public async Task Get_SubwayWithItsCurrentTag_Answers304()
    {
        var host = await recordings.GetAsync();

        // The subway's tag also changes when a minute count does, which can happen between two requests: a
        // changed tag must come with a body (200); an unchanged one must be answered 304.
        for (var attempt = 0; ; attempt++)
        {
            var first = await ApiAnswer.GetAsync(host.Client, "/api/subway?station=Broad%20St");
            var etag = first.Headers.ETag!.ToString();
            var again = await ApiAnswer.GetAsync(host.Client, "/api/subway?station=Broad%20St", r => r.Headers.TryAddWithoutValidation("If-None-Match", etag));
            if (again.Status == HttpStatusCode.NotModified)
            {
                Assert.Empty(again.Text);
                return;
            }

            Assert.True(again.Status == HttpStatusCode.OK, again.ToString());
            Assert.NotEqual(etag, again.Headers.ETag?.ToString());
            Assert.True(attempt < 3, "the tag changed between every pair of requests");
        }
    }

    [Fact]
    public async Task Get_OtherTagsOrOtherQuery_Answers200()
    {
        var host = await recordings.GetAsync();

        var all = await ApiAnswer.GetAsync(host.Client, "/api/citibike");
        var stale = await ApiAnswer.GetAsync(host.Client, "/api/citibike", r => r.Headers.TryAddWithoutValidation("If-None-Match", "W/\"0-0000000000000000\""));
        var otherQuery = await ApiAnswer.GetAsync(host.Client, "/api/citibike?limit=1", r => r.Headers.TryAddWithoutValidation("If-None-Match", all.Headers.ETag!.ToString()));
        var any = await ApiAnswer.GetAsync(host.Client, "/api/citibike", r => r.Headers.TryAddWithoutValidation("If-None-Match", "*"));

        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Equal(HttpStatusCode.OK, otherQuery.Status);
        Assert.NotEqual(all.Headers.ETag, otherQuery.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, any.Status);
    }
}
