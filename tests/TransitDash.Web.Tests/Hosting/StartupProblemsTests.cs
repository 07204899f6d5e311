using TransitDash.Simulator.Upstream;
using TransitDash.Testing;
using TransitDash.Web.Tests.Support;

namespace TransitDash.Web.Tests.Hosting;

[Collection(nameof(HostProcessCollection))]
public sealed class StartupProblemsTests
{
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Start_BadConfig_ListsEveryProblemOnceExitsWith1AndNeverListens()
    {
        using var folder = new TempDirectory();
        var config = folder.Write("config.yaml", """
            TransitDash:
              Subway:
                PollInterval: -5s
                Feeds:
                  - Name: ACE
                    Url: ftp://feeds.example.org/ace
                  - Name: ace
                    Url: http://127.0.0.1:9/ace
                Stations:
                  - Name: ""
                Colour: blue
              Citibike:
                PollInterval: 60s
                DiscoveryUrl: "gbfs please"
              Health:
                StaleAfter: 90s
                ErrorAfter: 30s
              Resilience:
                AttemptTimeout: soon
              Web:
                CorsOrigins: ["not an origin"]
            """);
        var url = LoopbackUpstream.ClosedPortUrl();

        await using var host = HostProcess.Start(folder.FullPath, "--config", config, "--urls", url);

        Assert.True(await host.WaitForExitAsync(ExitWithin), "the host did not exit");
        Assert.Equal(1, host.ExitCode);
        var message = host.Errors;
        Assert.Single(message.Split('\n'), l => l.Contains("cannot start", StringComparison.Ordinal));
        foreach (var problem in new[]
        {
            "TransitDash:Subway:PollInterval: '-5s'",
            "TransitDash:Subway:Feeds:0:Url: 'ftp://feeds.example.org/ace'",
            "TransitDash:Subway:Feeds:1:Name: 'ace'",
            "TransitDash:Subway:Stations:0:",
            "TransitDash:Subway:Colour: unknown key",
            "TransitDash:Citibike:DiscoveryUrl: 'gbfs please'",
            "TransitDash:Health:ErrorAfter: '30s'",
            "TransitDash:Resilience:AttemptTimeout: 'soon'",
            "TransitDash:Web:CorsOrigins:0: 'not an origin'",
        })
        {
            Assert.True(message.Contains(problem, StringComparison.Ordinal), $"'{problem}' is not in the message:\n{message}");
        }

        AssertNeverStarted(host);
    }

    [Theory]
    [InlineData("TransitDash:\n  Subway: [unclosed\n", "config.yaml")]
    [InlineData(null, "does not exist")]
    public async Task Start_UnreadableConfig_SaysWhyExitsWith1AndNeverListens(string? yaml, string expected)
    {
        using var folder = new TempDirectory();
        var config = yaml is null ? Path.Combine(folder.FullPath, "missing.yaml") : folder.Write("config.yaml", yaml);

        await using var host = HostProcess.Start(folder.FullPath, "--config", config, "--urls", LoopbackUpstream.ClosedPortUrl());

        Assert.True(await host.WaitForExitAsync(ExitWithin), "the host did not exit");
        Assert.Equal(1, host.ExitCode);
        Assert.Contains(expected, host.Errors, StringComparison.Ordinal);
        AssertNeverStarted(host);
    }

    /// <summary>No listening address, no poller, and a message rather than a crash's stack trace.</summary>
    private static void AssertNeverStarted(SampleProcess host)
    {
        Assert.DoesNotContain("Now listening", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Scheduler started", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", host.Errors + host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", host.Errors + host.Output, StringComparison.Ordinal);
    }
}
