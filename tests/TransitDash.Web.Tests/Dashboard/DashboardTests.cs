using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TransitDash.Web.Tests.Support;

namespace TransitDash.Web.Tests.Dashboard;

/// <summary>The dashboard (wwwroot) in real headless Chromium, against the host playing the recordings.</summary>
public sealed class DashboardTests(RecordingsHost recordings, Chromium chromium) : IClassFixture<Chromium>
{
    private const string Ready = "body[data-ready='1']";

    // The 5 to Bowling Green, northbound, at 00:09:30Z: among the next three trains there for 8 minutes after ClockStart.
    private const string BowlingGreen5 = "[data-station='Bowling Green'] [data-testid='arrival'][data-trip='120950_5..N75R']";

    [Fact]
    public async Task Board_Recordings_RendersTrainsBikesAndHealthAndWritesAScreenshot()
    {
        var host = await recordings.GetAsync();
        await using var context = await chromium.NewContextAsync(host.Address);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.WaitForSelectorAsync(Ready);

        Assert.True(await page.Locator("[data-testid='arrival']").CountAsync() >= 12, "fewer trains than two per station");
        var train = page.Locator(BowlingGreen5);
        Assert.Equal("5", await train.GetAttributeAsync("data-line"));
        Assert.Equal("N", await train.GetAttributeAsync("data-direction"));
        Assert.Contains("track 3", await train.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches("^([0-9]+|now)$", await train.Locator("[data-testid='minutes']").InnerTextAsync());

        Assert.Equal(ExpectedDock.Listed.Count, await page.Locator("[data-testid='bike-station']").CountAsync());
        var expected = ExpectedDock.Get(ExpectedDock.W21StAnd6Ave);
        var dock = page.Locator($"[data-testid='bike-station'][data-station-id='{expected.Id}']");
        Assert.Contains(expected.Name, await dock.Locator(".bike-name").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(expected.Bikes.ToString(), await dock.Locator("[data-count='classic'] .count-value").InnerTextAsync());
        Assert.Equal(expected.Ebikes.ToString(), await dock.Locator("[data-count='ebikes'] .count-value").InnerTextAsync());
        Assert.Equal(expected.Docks.ToString(), await dock.Locator("[data-count='docks'] .count-value").InnerTextAsync());

        await page.WaitForSelectorAsync("[data-testid='health-subway'][data-status='healthy']");
        await page.WaitForSelectorAsync("[data-testid='health-citibike'][data-status='healthy']");
        await page.WaitForSelectorAsync("[data-testid='history-chart'][data-source='subway'][data-window]");

        var screenshot = await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "dashboard.png") });
        TestContext.Current.AddAttachment("dashboard.png", screenshot, "image/png");
    }

    [Fact]
    public async Task Board_TimePasses_CountsDownWithoutAReload()
    {
        var host = await recordings.GetAsync();
        await using var context = await chromium.NewContextAsync(host.Address);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync(Ready);

        // The board computes minutes from each arrival time and its estimate of the host's clock; with dozens
        // of trains on screen one of them crosses a minute within seconds, and within 60 s at the latest.
        var before = await MinutesAsync(page);
        var moved = await Eventually.Until(
            async () => (await MinutesAsync(page)).Where(now => before.TryGetValue(now.Key, out var then) && then != now.Value).ToList(),
            changes => changes.Count > 0,
            "a train's minutes to change",
            TimeSpan.FromSeconds(70));

        Assert.All(moved, change => Assert.True(
            change.Value == "now" || int.Parse(change.Value) < int.Parse(before[change.Key]),
            $"{change.Key} went from {before[change.Key]} to {change.Value}"));
    }

    [Fact]
    public async Task Settings_ChangedOnThePage_PersistAcrossAReload()
    {
        var host = await recordings.GetAsync();
        await using var context = await chromium.NewContextAsync(host.Address);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync(Ready);
        Assert.True(await page.Locator("#auto-refresh-toggle").IsCheckedAsync());

        var toggled = await page.RunAndWaitForResponseAsync(() => page.Locator("#auto-refresh-toggle").UncheckAsync(), IsSettingsPost);
        var windowed = await page.RunAndWaitForResponseAsync(() => page.Locator("#history-window").SelectOptionAsync("5m"), IsSettingsPost);
        Assert.Equal(200, toggled.Status);
        Assert.Equal(200, windowed.Status);

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("body[data-ready='1'][data-auto-refresh='off']");

        Assert.False(await page.Locator("#auto-refresh-toggle").IsCheckedAsync());
        Assert.Equal("5m", await page.Locator("#history-window").InputValueAsync());
        await page.WaitForSelectorAsync("[data-testid='history-chart'][data-source='subway'][data-window='5m']");
        Assert.Equal("Auto-refresh off", await page.Locator("#connection").InnerTextAsync());
    }

    [Fact]
    public async Task Clock_HostReplaysARecording_ShowsTheHostsTime()
    {
        var host = await recordings.GetAsync();
        await using var context = await chromium.NewContextAsync(host.Address);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.WaitForSelectorAsync(Ready);

        // ClockStart is 2019-09-15 00:01:20Z, Saturday evening in New York: the trains' times, and so the clock's.
        await page.WaitForSelectorAsync("#clock-date:text-is('Saturday, September 14')", new() { Timeout = 5000 });
        Assert.StartsWith("8:", await page.Locator("#clock").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HistoryCharts_HistoryAnsweredBeforeTheDataRevealsTheReplayedClock_ShowTheHostsSamples()
    {
        var host = await recordings.GetAsync();
        await using var context = await chromium.NewContextAsync(host.Address);
        var page = await context.NewPageAsync();

        // The data answers tell the page the host's clock (here 2019); hold them back so the history answers
        // come first, as they may on any load.
        await page.RouteAsync(new Regex("/api/(subway|citibike|alerts)$"), async route =>
        {
            await Task.Delay(500);
            await route.ContinueAsync();
        });
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync(Ready);

        foreach (var source in new[] { "subway", "citibike" })
        {
            // Well before the charts' own refresh (every 60 s) would mend a chart drawn on the screen's clock.
            await page.WaitForSelectorAsync($"[data-testid='history-chart'][data-source='{source}'] rect.bar.healthy", new() { Timeout = 5000 });
        }
    }

    private static bool IsSettingsPost(IResponse response) =>
        response.Request.Method == "POST" && response.Url.EndsWith("/api/config", StringComparison.Ordinal);

    /// <summary>Each train row's minutes, by station, direction and trip.</summary>
    private static async Task<Dictionary<string, string>> MinutesAsync(IPage page)
    {
        var rows = await page.EvalOnSelectorAllAsync<string[][]>(
            "[data-testid='arrival']",
            """
            rows => rows.map(row => [
              `${row.closest('[data-station]').dataset.station} ${row.dataset.direction} ${row.dataset.trip}`,
              row.querySelector("[data-testid='minutes']").textContent])
            """);
        return rows.GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.First()[1]);
    }
}
