using Microsoft.Playwright;
using TransitDash.Testing;

namespace TransitDash.Web.Tests.Support;

/// <summary>Debian's chromium, headless, driven by Playwright's bundled driver (no browser download). Launched
/// by the first test that asks, so a machine without chromium skips that test (fails it under
/// TRANSITDASH_REQUIRE_ALL=1) instead of breaking the fixture.</summary>
public sealed class Chromium : IAsyncDisposable
{
    private static readonly string[] Flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly SemaphoreSlim gate = new(1, 1);
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>A fresh browser profile (its own cookies) at 1920x1080, New York time, with <paramref name="baseAddress"/> as its base URL.</summary>
    internal async Task<IBrowserContext> NewContextAsync(Uri baseAddress)
    {
        var executable = Requirements.FindExecutable("chromium") ?? Requirements.FindExecutable("chromium-browser");
        if (executable is null)
        {
            Requirements.Missing("chromium is not installed (apt-get install chromium)");
        }

        await gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            playwright ??= await Playwright.CreateAsync();
            browser ??= await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Headless = true, Args = Flags });
        }
        finally
        {
            gate.Release();
        }

        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new() { Width = 1920, Height = 1080 },
            Locale = "en-US",
            TimezoneId = "America/New_York",
        });
        context.SetDefaultTimeout((float)Eventually.Deadline.TotalMilliseconds);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        gate.Dispose();
    }
}
