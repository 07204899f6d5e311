using System.Net;
using System.Text;
using TransitDash.Web.Tests.Support;

namespace TransitDash.Web.Tests.Api;

public sealed class ConfigApiTests(RecordingsHost recordings)
{
    [Fact]
    public async Task Get_NewBrowser_AnswersTheDefaultsAndTheAllowedValues()
    {
        var host = await recordings.GetAsync();

        var answer = await ApiAnswer.GetAsync(host.Client, "/api/config");

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        AssertSettings(answer, enabled: true, interval: 30, window: "1h");
        Assert.Equal([30, 60, 120, 300, 600], answer.Json!["auto_refresh"]!["options"]!.AsArray().Select(o => (int)o!));
        Assert.Equal(["5m", "15m", "30m", "1h"], answer.Json["display"]!["window_options"]!.AsArray().Select(o => (string)o!));
    }

    [Fact]
    public async Task Post_AllowedValues_AreKeptForThisBrowserOnly()
    {
        var host = await recordings.GetAsync();
        using var browser = Browser(host);
        using var other = Browser(host);

        var saved = await PostAsync(browser, """{"auto_refresh": {"enabled": false, "interval": 120}, "display": {"history_window": "5m"}}""");
        var partly = await PostAsync(browser, """{"auto_refresh": {"interval": 600}}""");

        AssertSettings(saved, enabled: false, interval: 120, window: "5m");
        AssertSettings(partly, enabled: false, interval: 600, window: "5m");
        AssertSettings(await ApiAnswer.GetAsync(browser, "/api/config"), enabled: false, interval: 600, window: "5m");
        AssertSettings(await ApiAnswer.GetAsync(other, "/api/config"), enabled: true, interval: 30, window: "1h");
    }

    [Theory]
    [InlineData("""{"auto_refresh": {"interval": 45}}""", "auto_refresh.interval")]
    [InlineData("""{"auto_refresh": {"interval": -30}}""", "auto_refresh.interval")]
    [InlineData("""{"auto_refresh": {"interval": 0}}""", "auto_refresh.interval")]
    [InlineData("""{"auto_refresh": {"enabled": true, "interval": 120}, "display": {"history_window": "2h"}}""", "display.history_window")]
    [InlineData("""{"display": {"history_window": "60m"}}""", "display.history_window")]
    [InlineData("""{"display": {"history_window": ""}}""", "display.history_window")]
    [InlineData("""{"auto_refresh": {"interval": 99999999999}}""", null)]
    [InlineData("""{"auto_refresh": {"interval": "60"}}""", null)]
    [InlineData("""{"auto_refresh": {"enabled": "yes"}}""", null)]
    [InlineData("""{"auto_refresh": {"enabled": false}, "theme": "dark"}""", null)]
    [InlineData("""[]""", null)]
    [InlineData("""null""", null)]
    [InlineData("""not json""", null)]
    [InlineData("", null)]
    [InlineData("""{"auto_refresh": {"enabled": false}""", null)]
    public async Task Post_ValueOutsideTheSetsOrMalformed_Answers400AndKeepsTheStoredSettings(string body, string? member)
    {
        var host = await recordings.GetAsync();
        using var browser = Browser(host);
        await PostAsync(browser, """{"auto_refresh": {"enabled": false, "interval": 300}, "display": {"history_window": "30m"}}""");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/config") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var rejected = await ApiAnswer.SendAsync(browser, request);

        Assert.True(rejected.Status == HttpStatusCode.BadRequest, rejected.ToString());
        Assert.Equal("application/problem+json", rejected.ContentHeaders.ContentType?.MediaType);
        Assert.False(rejected.Headers.Contains("Set-Cookie"), "a rejected change must not touch the stored settings");
        if (member is not null)
        {
            Assert.True(rejected.Json!["errors"]!.AsObject().ContainsKey(member), rejected.ToString());
        }

        AssertSettings(await ApiAnswer.GetAsync(browser, "/api/config"), enabled: false, interval: 300, window: "30m");
    }

    [Fact]
    public async Task Post_BodyOverFourKilobytes_Answers400()
    {
        var host = await recordings.GetAsync();
        using var browser = Browser(host);

        var padded = "{\"display\": {\"history_window\": \"5m\"}" + new string(' ', 5000) + "}";
        var answer = await PostAsync(browser, padded);

        Assert.True(answer.Status == HttpStatusCode.BadRequest, answer.ToString());
    }

    [Theory]
    [InlineData("garbage!")]
    [InlineData("eyJhdXRvX3JlZnJlc2giOnsiaW50ZXJ2YWwiOjQ1fX0")]
    [InlineData("%%%")]
    public async Task Get_TamperedCookie_AnswersTheDefaults(string cookie)
    {
        var host = await recordings.GetAsync();

        // The second value is base64url of {"auto_refresh":{"interval":45}}: well-formed, but outside the set.
        var answer = await ApiAnswer.GetAsync(host.Client, "/api/config", r => r.Headers.TryAddWithoutValidation("Cookie", "transitdash_settings=" + cookie));

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        AssertSettings(answer, enabled: true, interval: 30, window: "1h");
    }

    /// <summary>A client that keeps cookies, as one browser does.</summary>
    private static HttpClient Browser(WebHost host) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = host.Address };

    private static async Task<ApiAnswer> PostAsync(HttpClient client, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/config") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return await ApiAnswer.SendAsync(client, request);
    }

    private static void AssertSettings(ApiAnswer answer, bool enabled, int interval, string window)
    {
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal(enabled, (bool?)answer.Json!["auto_refresh"]!["enabled"]);
        Assert.Equal(interval, (int?)answer.Json["auto_refresh"]!["interval"]);
        Assert.Equal(window, (string?)answer.Json["display"]!["history_window"]);
    }
}
