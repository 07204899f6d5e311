using System.Net;
using TransitDash.Testing;
using TransitDash.Web.Tests.Support;

namespace TransitDash.Web.Tests.Api;

public sealed class HealthApiTests(RecordingsHost recordings)
{
    [Fact]
    public async Task Get_DataFetched_ReportsEverySourceHealthyWithItsFigures()
    {
        var host = await recordings.GetAsync();

        var answer = await ApiAnswer.GetAsync(host.Client, "/api/health");

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal("healthy", (string?)answer.Json!["status"]);
        Assert.True((long?)answer.Json["uptime_seconds"] >= 0);
        foreach (var name in new[] { "subway", "citibike", "alerts" })
        {
            var source = answer.Json[name]!;
            Assert.Equal("healthy", (string?)source["status"]);
            Assert.Matches("^[0-9]+s ago$", (string?)source["last_update"]);
            Assert.True((long?)source["fetch_count"] >= 1);
            Assert.Equal(0, (long?)source["error_count"]);
            Assert.Null(source["last_error"]);
            Assert.NotNull((long?)source["version"]);
        }

        Assert.Equal(RecordedUpstream.SubwayFeeds.Select(f => f.Name).Order(), answer.Json["subway"]!["feeds"]!.AsObject().Select(f => f.Key).Order());
    }

    [Theory]
    [InlineData("source=subway&window=5m&hours=1", 12)]
    [InlineData("source=citibike&window=1h", 24)]
    [InlineData("source=alerts&window=60m&hours=2", 2)]
    public async Task GetHistory_ValidQuery_ListsOneRowPerWindow(string query, int windows)
    {
        var host = await recordings.GetAsync();

        var answer = await ApiAnswer.GetAsync(host.Client, "/api/health/history?" + query);

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        var rows = answer.Data;
        Assert.InRange(rows.Count, windows, windows + 1);
        var times = rows.Select(r => (long)r!["timestamp"]!).ToList();
        Assert.Equal(times.Order(), times);
        var latest = rows[^1]!;
        Assert.True((int?)latest["samples"] >= 1, answer.ToString());
        Assert.Equal(100.0, (double?)latest["healthy"]);
    }

    [Theory]
    [InlineData("", "source")]
    [InlineData("source=bus", "source")]
    [InlineData("source=subway&window=2h", "window")]
    [InlineData("source=subway&window=", "window")]
    [InlineData("source=subway&hours=0", "hours")]
    [InlineData("source=subway&hours=25", "hours")]
    [InlineData("source=subway&hours=-1", "hours")]
    [InlineData("source=subway&source=citibike", "source")]
    public async Task GetHistory_BadValue_Answers400NamingTheParameter(string query, string parameter)
    {
        var host = await recordings.GetAsync();

        var answer = await ApiAnswer.GetAsync(host.Client, "/api/health/history?" + query);

        answer.AssertBadParameter(parameter);
    }

    [Fact]
    public async Task GetAttempts_Subway_ListsTheFeedsRequestsNewestFirst()
    {
        var host = await recordings.GetAsync();

        var answer = await ApiAnswer.GetAsync(host.Client, "/api/health/attempts?source=subway&limit=5");

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal(5, answer.Data.Count);
        Assert.All(answer.Data, a =>
        {
            Assert.Equal("ok", (string?)a!["outcome"]);
            Assert.Equal(200, (int?)a["status_code"]);
            Assert.Contains((string?)a["feed"], RecordedUpstream.SubwayFeeds.Select(f => f.Name));
        });
        var times = answer.Data.Select(a => (long)a!["time"]!).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Theory]
    [InlineData("limit=5", "source")]
    [InlineData("source=subway&limit=0", "limit")]
    [InlineData("source=subway&limit=2147483648", "limit")]
    public async Task GetAttempts_BadValue_Answers400NamingTheParameter(string query, string parameter)
    {
        var host = await recordings.GetAsync();

        var answer = await ApiAnswer.GetAsync(host.Client, "/api/health/attempts?" + query);

        answer.AssertBadParameter(parameter);
    }

    [Theory]
    [InlineData("/healthz/live")]
    [InlineData("/healthz/ready")]
    public async Task Probes_DataFetched_Answer200(string url)
    {
        var host = await recordings.GetAsync();

        var answer = await ApiAnswer.GetAsync(host.Client, url);

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
    }
}
