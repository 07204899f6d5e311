using System.Globalization;
using System.Security;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Simulator.Upstream;
using TransitDash.Testing;

namespace TransitDash.Packaging.Tests;

/// <summary>The design's first use, "add as a package reference", done for real: a fresh console project
/// outside the repository references the packed packages by PackageReference, calls AddTransitDash()
/// against a loopback upstream serving a recording, and prints an arrival. This catches a missing
/// dependency, a wrong target framework, an internal type that should be public, or a README not packed.</summary>
public sealed class ConsumerProjectTests(PackedPackages packages)
{
    private const string Recording = "mta/gtfs-123456s-20190915T000100Z.pb";

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task ConsumerProject_ReferencingThePackages_BuildsAndPrintsAnArrival()
    {
        var recording = Fixtures.Bytes(Recording);
        var headerTime = GtfsRealtimeParser.ParseTripFeed("recording", recording).HeaderTime
            ?? throw new InvalidOperationException($"{Recording} has no header time to start the clock at");
        await packages.PackAsync();

        await using var upstream = await LoopbackUpstream.StartAsync(TestContext.Current.CancellationToken);
        upstream.Map("/nyct/gtfs", UpstreamBehavior.Fixture(Recording));

        var project = CopyConsumer();
        (await DotnetCli.RunAsync(
            project,
            ["build", "-c", "Release", "--disable-build-servers", "-p:TransitDashVersion=" + packages.Version],
            BuildTimeout,
            PackageFolders())).EnsureSuccess();

        var run = await DotnetCli.RunAsync(
            project,
            [Path.Combine(project, "bin", "Release", "net10.0", "Consumer.dll"),
             "--Logging:LogLevel:Default=Warning",
             "--TransitDash:ClockStart=" + headerTime.ToString("O", CultureInfo.InvariantCulture),
             "--TransitDash:Subway:Feeds:0:Name=123456S",
             "--TransitDash:Subway:Feeds:0:Url=" + upstream.Url("/nyct/gtfs"),
             "--TransitDash:Subway:Stations:0:Name=Wall St",
             "--TransitDash:Subway:Stations:0:StopIds:0=419",
             "--TransitDash:Subway:Stations:0:StopIds:1=230"],
            RunTimeout);

        run.EnsureSuccess();
        TestContext.Current.TestOutputHelper?.WriteLine(run.Output);
        Assert.Matches(@"(?m)^ARRIVAL \S+ [NS]? ?Wall St 2019-09-15T", run.Output);
        Assert.True(upstream.RequestCount("/nyct/gtfs") > 0, "The consumer never asked the loopback upstream for the feed");
    }

    // The consumer lives outside the repository so that none of its build settings, package versions
    // or sources can reach it; global.json pins the SDK the repository builds with.
    private string CopyConsumer()
    {
        var project = Path.Combine(packages.Root, "consumer-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(project);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Consumer")))
        {
            File.Copy(file, Path.Combine(project, Path.GetFileName(file)));
        }

        File.Copy(Path.Combine(RepositoryRoot.Path, "global.json"), Path.Combine(project, "global.json"));

        // The packed folder is added to the machine's own sources (no <clear/>), and restores into a
        // folder of its own that falls back on the machine's package cache: nothing is downloaded
        // again, and the test packages never land in that cache.
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="transitdash-under-test" value="{SecurityElement.Escape(packages.Folder)}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{SecurityElement.Escape(MachinePackageCache())}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        return project;
    }

    private Dictionary<string, string?> PackageFolders() => new()
    {
        ["NUGET_PACKAGES"] = Path.Combine(packages.Root, "nuget-packages"),
    };

    private static string MachinePackageCache() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
