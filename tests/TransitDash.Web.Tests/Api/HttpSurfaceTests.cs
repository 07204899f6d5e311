using System.Net;
using TransitDash.Web.Tests.Support;

namespace TransitDash.Web.Tests.Api;

/// <summary>What the host answers beyond its data: routes, methods, CORS, the OpenAPI document, metrics,
/// and requests meant to break it.</summary>
public sealed class HttpSurfaceTests(RecordingsHost recordings)
{
    [Theory]
    [InlineData("/api/nothing")]
    [InlineData("/api/subway/419")]
    [InlineData("/api")]
    [InlineData("/nothing.html")]
    [InlineData("/api/subway/..%2F..%2Fconfig.yaml")]
    [InlineData("/..%2Fconfig.yaml")]
    [InlineData("/openapi/v2.json")]
    public async Task Get_UnknownRoute_Answers404(string url)
    {
        var host = await recordings.GetAsync();

        var answer = await ApiAnswer.GetAsync(host.Client, url);

        Assert.True(answer.Status == HttpStatusCode.NotFound, $"{url}: {answer}");
    }

    [Theory]
    [InlineData("POST", "/api/subway")]
    [InlineData("DELETE", "/api/citibike")]
    [InlineData("PUT", "/api/health")]
    [InlineData("POST", "/api/health/history?source=subway")]
    [InlineData("DELETE", "/api/config")]
    [InlineData("PUT", "/api/config")]
    [InlineData("POST", "/api/stream")]
    [InlineData("PATCH", "/api/alerts")]
    public async Task Send_WrongMethod_Answers405(string method, string url)
    {
        var host = await recordings.GetAsync();

        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("{}") };
        var answer = await ApiAnswer.SendAsync(host.Client, request);

        Assert.True(answer.Status == HttpStatusCode.MethodNotAllowed, $"{method} {url}: {answer}");
    }

    [Theory]
    [InlineData("/api/subway")]
    [InlineData("/api/citibike")]
    [InlineData("/api/health")]
    public async Task Get_FromAnotherOrigin_AllowsAnyOriginWithoutCredentials(string url)
    {
        var host = await recordings.GetAsync();

        var answer = await ApiAnswer.GetAsync(host.Client, url, r => r.Headers.Add("Origin", "https://wallboard.example.org"));

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal("*", Assert.Single(answer.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Get_DataFromAnotherOrigin_ExposesTheEntityTag()
    {
        var host = await recordings.GetAsync();

        var answer = await ApiAnswer.GetAsync(host.Client, "/api/citibike", r => r.Headers.Add("Origin", "https://wallboard.example.org"));

        Assert.Contains("ETag", answer.Headers.GetValues("Access-Control-Expose-Headers").SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetOpenApi_ListsEveryEndpoint()
    {
        var host = await recordings.GetAsync();

        var answer = await ApiAnswer.GetAsync(host.Client, "/openapi/v1.json");

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        var paths = answer.Json!["paths"]!.AsObject();
        foreach (var path in new[] { "/api/subway", "/api/citibike", "/api/alerts", "/api/health", "/api/health/history", "/api/health/attempts", "/api/stream", "/api/config", "/healthz/live", "/healthz/ready", "/metrics" })
        {
            Assert.True(paths.ContainsKey(path), $"{path} is not in the OpenAPI document; it lists {string.Join(", ", paths.Select(p => p.Key))}");
            Assert.True(paths[path]!.AsObject().ContainsKey("get"), $"{path} has no GET");
        }

        Assert.True(paths["/api/config"]!.AsObject().ContainsKey("post"), "POST /api/config is not listed");
    }

    [Fact]
    public async Task GetMetrics_AfterFetches_CarriesTheLibraryInstruments()
    {
        var host = await recordings.GetAsync();

        var answer = await ApiAnswer.GetAsync(host.Client, "/metrics");

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.StartsWith("text/plain", answer.ContentHeaders.ContentType?.MediaType);
        Assert.Matches("(?m)^transitdash_fetch_duration_seconds_bucket\\{[^}]*source=\"subway\"", answer.Text);
        Assert.Matches("(?m)^transitdash_fetch_attempts_total\\{[^}]*feed=\"1234567S\"[^}]*outcome=\"ok\"", answer.Text);
        Assert.Matches("(?m)^transitdash_snapshot_age_seconds\\{[^}]*source=\"citibike\"", answer.Text);
        Assert.Matches("(?m)^transitdash_snapshot_entities\\{[^}]*source=\"citibike\"[^}]*\\} 5( |$)", answer.Text);
    }

    [Theory]
    [InlineData("/api/subway?limit=18446744073709551616")]
    [InlineData("/api/subway?limit=%2B5")]
    [InlineData("/api/subway?limit=%E2%91%A4")]
    [InlineData("/api/subway?limit=5%00")]
    [InlineData("/api/subway?station=W%C3%A0ll%20St")]
    [InlineData("/api/subway?station=%F0%9F%9A%87%E2%80%AE")]
    [InlineData("/api/subway?station=%FF%FE%FD")]
    [InlineData("/api/subway?line=%EF%BC%94")]
    [InlineData("/api/subway?direction=%00")]
    [InlineData("/api/subway?direction=%C5%84")]
    [InlineData("/api/subway?stop_id=-419")]
    [InlineData("/api/subway?stop_id=%3Cscript%3E")]
    [InlineData("/api/subway?station=a&station=b&station=c&station=d")]
    [InlineData("/api/citibike?near=-0,-0&radius_m=-0")]
    [InlineData("/api/citibike?near=40.7%2C-74.0%2C&radius_m=1")]
    [InlineData("/api/citibike?near=%E2%88%9E,%E2%88%9E")]
    [InlineData("/api/citibike?station_id=%00")]
    [InlineData("/api/health/history?source=SUBWAY&window=5M&hours=%2D1")]
    [InlineData("/api/health/history?source=..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/api/health/attempts?source=subway&limit=-2147483649")]
    public async Task Get_HostileQuery_NeverAnswers5xx(string url)
    {
        var host = await recordings.GetAsync();

        var answer = await ApiAnswer.GetAsync(host.Client, url);

        Assert.True((int)answer.Status is >= 200 and < 500, $"{url}: {answer}");
        if (answer.Status == HttpStatusCode.BadRequest)
        {
            Assert.NotNull(answer.Json?["errors"]);
        }
    }

    [Theory]
    [InlineData("/api/subway?station=", 300)]
    [InlineData("/api/citibike?station_id=", 7000)]
    [InlineData("/api/subway?", 9000)]
    public async Task Get_OversizedQuery_AnswersAClientError(string prefix, int length)
    {
        var host = await recordings.GetAsync();

        var answer = await ApiAnswer.GetAsync(host.Client, prefix + new string('9', length));

        // 400 from the API, or Kestrel's own 414 once the request line is over its limit.
        Assert.True(answer.Status is HttpStatusCode.BadRequest or HttpStatusCode.RequestUriTooLong, answer.ToString());
    }

    [Fact]
    public async Task GetDashboard_ServesThePageAndItsAssets()
    {
        var host = await recordings.GetAsync();

        var page = await ApiAnswer.GetAsync(host.Client, "/");
        var script = await ApiAnswer.GetAsync(host.Client, "/app.js");

        Assert.True(page.Status == HttpStatusCode.OK, page.ToString());
        Assert.Equal("text/html", page.ContentHeaders.ContentType?.MediaType);
        Assert.Contains("<title>FiDi Transit Dashboard</title>", page.Text);
        Assert.Contains("href=\"/api/subway\"", page.Text);
        Assert.DoesNotContain("https://", page.Text);
        Assert.Equal(HttpStatusCode.OK, script.Status);
    }
}
