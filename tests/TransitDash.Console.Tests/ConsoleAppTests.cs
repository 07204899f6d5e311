using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TransitDash.ConsoleHost.Commands;
using TransitDash.ConsoleHost.Hosting;
using TransitDash.ConsoleHost.Tests.Support;
using TransitDash.Hosting;
using TransitDash.Simulator.Upstream;
using TransitDash.Snapshots;
using TransitDash.Testing;
using TransitDash.Web;

namespace TransitDash.ConsoleHost.Tests;

/// <summary>The console host run as a separate process against a loopback upstream serving real recordings.</summary>
public sealed class ConsoleAppTests : IAsyncLifetime
{
    private static readonly TimeSpan OnePoll = TimeSpan.FromMinutes(10);
    private static readonly string At = RecordedUpstream.Moment.ToString("O", CultureInfo.InvariantCulture);

    private readonly TempDirectory folder = new();
    private RecordedUpstream feeds = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => feeds = await RecordedUpstream.StartAsync(Cancel);

    public async ValueTask DisposeAsync()
    {
        await feeds.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task OnceJson_SameDataAndClock_EachMemberEqualsTheWebEndpointsBody()
    {
        var config = ConsoleConfig.Write(feeds, folder.FullPath, OnePoll);
        await using var web = await StartWebAsync(config);

        // Both hosts' clocks are frozen at the recordings' moment (the console by --at, the web host by a
        // clock registered before AddTransitDash), so every time-dependent member (minutes_until,
        // staleness_seconds, which trains are gone or past the horizon, last_update, uptime) is computed
        // at the same instant and must be equal, not merely close.
        var run = await ConsoleProcess.RunAsync(folder.FullPath, "--once", "--json", "--config", config, "--at", At);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var document = JsonNode.Parse(run.Stdout)!.AsObject();
        Assert.Equal(["subway", "citibike", "alerts", "health"], document.Select(p => p.Key));
        using var http = new HttpClient { BaseAddress = new Uri(web.Urls.First()) };
        foreach (var (member, path) in new[] { ("subway", "/api/subway"), ("citibike", "/api/citibike"), ("alerts", "/api/alerts"), ("health", "/api/health") })
        {
            ApiBodies.AssertEqual(JsonNode.Parse(await http.GetStringAsync(path, Cancel)), document[member], member);
        }

        // Equal empty lists would prove little: the recordings fill the board.
        Assert.True(document["subway"]!["data"]!.AsArray().Count > 10);
        Assert.NotEmpty(document["citibike"]!["data"]!.AsArray());
        Assert.Equal("healthy", document["health"]!["status"]!.GetValue<string>());
        Assert.Contains("Configuration loaded from", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Scheduler started", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnceJson_ASourceFails_ExitsTwoAndItsMemberIsTheWebEndpoints503Body()
    {
        feeds.Map(RecordedUpstream.StationStatusPath, UpstreamBehavior.Status(HttpStatusCode.NotFound));
        var config = ConsoleConfig.Write(feeds, folder.FullPath, OnePoll);
        await using var web = await StartWebAsync(config);

        var run = await ConsoleProcess.RunAsync(folder.FullPath, "--once", "--json", "--config", config, "--at", At);

        Assert.Equal(ExitCodes.SomeSourceHasNoData, run.ExitCode);
        var document = JsonNode.Parse(run.Stdout)!;
        var citibike = document["citibike"]!;
        Assert.False(citibike["success"]!.GetValue<bool>());
        Assert.Contains("404", citibike["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("error", document["health"]!["citibike"]!["status"]!.GetValue<string>());
        Assert.True(document["subway"]!["success"]!.GetValue<bool>());

        using var http = new HttpClient { BaseAddress = new Uri(web.Urls.First()) };
        using var response = await http.GetAsync("/api/citibike", Cancel);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        ApiBodies.AssertEqual(JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel)), citibike, "citibike");
        ApiBodies.AssertEqual(JsonNode.Parse(await http.GetStringAsync("/api/health", Cancel)), document["health"], "health");
    }

    [Fact]
    public async Task OnceJson_ASourceHangs_TimeoutEndsTheWaitAndExitsTwo()
    {
        // The attempt timeout is 10 s: only --timeout can end the wait sooner.
        feeds.Map(RecordedUpstream.StationStatusPath, UpstreamBehavior.Hang());
        var config = ConsoleConfig.Write(feeds, folder.FullPath, OnePoll);

        var run = await ConsoleProcess.RunAsync(folder.FullPath, "--once", "--json", "--timeout", "2s", "--config", config);

        Assert.Equal(ExitCodes.SomeSourceHasNoData, run.ExitCode);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(9), $"the run took {run.Elapsed}");
        var document = JsonNode.Parse(run.Stdout)!;
        Assert.Equal("No citibike data yet: the first fetch has not completed.", document["citibike"]!["error"]!.GetValue<string>());
        Assert.True(document["subway"]!["success"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Once_BadConfiguration_ExitsOneWithOneMessageNamingTheKey()
    {
        var config = ConsoleConfig.Write(feeds, folder.FullPath, OnePoll, "  History:\n    Retention: soon");

        var run = await ConsoleProcess.RunAsync(folder.FullPath, "--once", "--config", config);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Single(run.Stderr.Split('\n'), l => l.Contains("cannot start", StringComparison.Ordinal));
        Assert.Contains("TransitDash:History:Retention", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOption_ExitsOneWithOneLine()
    {
        var run = await ConsoleProcess.RunAsync(folder.FullPath, "--once", "--frobnicate");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Equal("TransitDash.Console: unknown option '--frobnicate'. Run with --help to see the commands and options.", run.Stderr.Trim());
    }

    [Fact]
    public async Task Help_ListsCommandsOptionsAndExamples()
    {
        var run = await ConsoleProcess.RunAsync(folder.FullPath, "--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var expected in new[] { "record --out DIR", "replay DIR", "--once", "--json", "--timeout", "--duration", "--sources", "--demo", "Examples:" })
        {
            Assert.Contains(expected, run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Once_OutputRedirected_PrintsPlainLines()
    {
        var config = ConsoleConfig.Write(feeds, folder.FullPath, OnePoll);

        var run = await ConsoleProcess.RunAsync(folder.FullPath, "--once", "--config", config, "--at", At);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Stdout);
        var lines = run.Stdout.Split('\n');
        Assert.StartsWith("TransitDash board at ", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("  Wall St S: ", StringComparison.Ordinal) && l.Contains(" min", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  W 21 St & 6 Ave: ", StringComparison.Ordinal) && l.Contains("e-bikes", StringComparison.Ordinal));
        Assert.Contains("  subway: healthy, updated 0s ago, 1 fetches, 0 errors", lines);
        Assert.DoesNotContain("info:", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Live_CtrlC_ExitsCleanlyWithinTwoSeconds()
    {
        // A fetch still hangs when Ctrl+C comes: stopping must not wait for it.
        feeds.Map(RecordedUpstream.StationStatusPath, UpstreamBehavior.Hang());
        var config = ConsoleConfig.Write(feeds, folder.FullPath, OnePoll);
        await using var console = ConsoleProcess.Start(folder.FullPath, "--config", config);
        await console.WaitForOutputAsync("  subway: healthy", TimeSpan.FromSeconds(30));

        var interrupted = System.Diagnostics.Stopwatch.StartNew();
        console.Interrupt();
        var run = await console.WaitForExitAsync(TimeSpan.FromSeconds(10));

        Assert.True(interrupted.Elapsed < TimeSpan.FromSeconds(2), $"exited {interrupted.Elapsed} after Ctrl+C");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Stdout);
        Assert.Contains("Citi Bike: No citibike data yet", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordThenReplay_FewPolls_ReplayShowsTheSameBoardAsTheOriginal()
    {
        // Later polls bring other payloads, so replay must play the files in time order to match.
        var aceLater = Fixtures.Bytes("mta/gtfs-ace-20190916T224815Z.pb");
        var statusLater = GbfsPayloads.WithEveryBikeTaken(Fixtures.Bytes("citibike/v2.3/station_status.json"));
        feeds.Map(RecordedUpstream.SubwayPath("ACE"), UpstreamBehavior.Sequence(UpstreamBehavior.Fixture("mta/gtfs-ace-20190915T000112Z.pb"), UpstreamBehavior.Serve(aceLater, "application/x-protobuf")));
        feeds.Map(RecordedUpstream.StationStatusPath, UpstreamBehavior.Sequence(UpstreamBehavior.Fixture("citibike/v2.3/station_status.json"), UpstreamBehavior.Serve(statusLater, "application/json")));
        Directory.CreateDirectory(folder.PathOf("record"));
        Directory.CreateDirectory(folder.PathOf("board"));
        // Polls 2 s apart with a 2 s attempt timeout: a cold process's first fetches fit even on a busy machine,
        // and the recorder stops once both feeds were recorded twice rather than after a guessed duration.
        var recordConfig = ConsoleConfig.Write(feeds, folder.PathOf("record"), TimeSpan.FromSeconds(2));
        var boardConfig = ConsoleConfig.Write(feeds, folder.PathOf("board"), OnePoll);
        var recording = folder.PathOf("recording");

        ConsoleRun record;
        await using (var recorder = ConsoleProcess.Start(folder.FullPath, "record", "--out", recording, "--duration", "60s", "--config", recordConfig))
        {
            static bool Status(string line) => line.StartsWith("citibike/", StringComparison.Ordinal) && line.Contains("/station_status.json ", StringComparison.Ordinal);
            static bool Ace(string line) => line.StartsWith("subway/ACE/", StringComparison.Ordinal);
            var firstStatus = await recorder.WaitForOutputAsync(Status, "a station_status payload", TimeSpan.FromSeconds(30));
            await recorder.WaitForOutputAsync(l => Status(l) && l != firstStatus, "a second station_status payload", TimeSpan.FromSeconds(30));
            var firstAce = await recorder.WaitForOutputAsync(Ace, "an ACE payload", TimeSpan.FromSeconds(30));
            await recorder.WaitForOutputAsync(l => Ace(l) && l != firstAce, "a second ACE payload", TimeSpan.FromSeconds(30));
            recorder.Interrupt();
            record = await recorder.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(ExitCodes.Ok, record.ExitCode);
        Assert.Contains(record.Stdout.Split('\n'), l => l.StartsWith("subway/ACE/", StringComparison.Ordinal) && l.Contains("total", StringComparison.Ordinal) && l.Contains("KiB", StringComparison.Ordinal));
        var ace = Directory.GetFiles(Path.Combine(recording, "subway", "ACE"), "*.pb").Order(StringComparer.Ordinal).ToArray();
        Assert.True(ace.Length >= 2, $"{ace.Length} ACE payloads recorded");
        Assert.Equal(Fixtures.Bytes("mta/gtfs-ace-20190915T000112Z.pb"), File.ReadAllBytes(ace[0]));
        Assert.Equal(aceLater, File.ReadAllBytes(ace[^1]));
        Assert.All(ace, f => Assert.True(File.Exists(f + ".meta.json")));
        var snapshots = Directory.GetDirectories(Path.Combine(recording, "citibike")).Order(StringComparer.Ordinal).ToArray();
        Assert.True(snapshots.Length >= 2, $"{snapshots.Length} GBFS snapshots recorded; the recorder said:\n{record.Stdout}\n{record.Stderr}");
        Assert.Equal(["gbfs.json", "station_information.json", "station_status.json", "vehicle_types.json"], Payloads.In(snapshots[0]));
        Assert.Equal(statusLater, File.ReadAllBytes(Path.Combine(snapshots[^1], "station_status.json")));

        feeds.ServeRecordings();
        var original = await ConsoleProcess.RunAsync(folder.FullPath, "--once", "--json", "--config", boardConfig, "--at", At);
        var replay = await ConsoleProcess.RunAsync(folder.FullPath, "replay", recording, "--once", "--json", "--config", boardConfig, "--at", At);

        Assert.Equal(ExitCodes.Ok, original.ExitCode);
        Assert.Equal(ExitCodes.Ok, replay.ExitCode);
        var expected = JsonNode.Parse(original.Stdout)!;
        var actual = JsonNode.Parse(replay.Stdout)!;
        foreach (var member in new[] { "subway", "citibike", "alerts", "health" })
        {
            ApiBodies.AssertEqual(expected[member], actual[member], member);
        }
    }

    [Fact]
    public async Task Replay_WithoutAt_ClockStartsAtTheRecordingsStart()
    {
        var recordConfig = ConsoleConfig.Write(feeds, folder.FullPath, TimeSpan.FromSeconds(2));
        var recording = folder.PathOf("recording");
        await using (var recorder = ConsoleProcess.Start(folder.FullPath, "record", "--out", recording, "--duration", "60s", "--sources", "subway", "--config", recordConfig))
        {
            await recorder.WaitForOutputAsync(l => l.StartsWith("subway/", StringComparison.Ordinal), "a subway payload", TimeSpan.FromSeconds(30));
            recorder.Interrupt();
            Assert.Equal(ExitCodes.Ok, (await recorder.WaitForExitAsync(TimeSpan.FromSeconds(10))).ExitCode);
        }

        Assert.Equal(["subway"], Directory.GetDirectories(recording).Select(Path.GetFileName));

        var replay = await ConsoleProcess.RunAsync(folder.FullPath, "replay", recording, "--once", "--json", "--config", recordConfig);

        Assert.Equal(ExitCodes.Ok, replay.ExitCode);
        var document = JsonNode.Parse(replay.Stdout)!;
        var updated = DateTimeOffset.FromUnixTimeSeconds(document["health"]!["subway"]!["last_update_time"]!.GetValue<long>());
        Assert.InRange(updated, RecordedUpstream.Moment, RecordedUpstream.Moment.AddMinutes(2));
        Assert.Equal(404, document["alerts"]!["status"]!.GetValue<int>());
        Assert.Null(document["health"]!["citibike"]);
    }

    [Fact]
    public async Task Record_FolderTurnsUnwritable_StopsWithAClearMessageAndKeepsWhatWasWritten()
    {
        var config = ConsoleConfig.Write(feeds, folder.FullPath, TimeSpan.FromSeconds(1));
        var recording = folder.PathOf("recording");
        await using var console = ConsoleProcess.Start(folder.FullPath, "record", "--out", recording, "--duration", "60s", "--config", config);
        await console.WaitForOutputAsync("citibike/", TimeSpan.FromSeconds(30));
        await console.WaitForOutputAsync("subway/", TimeSpan.FromSeconds(30));

        // The subway folder becomes a file while payloads are being written: the next subway payload cannot be
        // written. The recorder may make the folder again between the move and the file: then again.
        var subway = Path.Combine(recording, "subway");
        for (var moved = 0; ; moved++)
        {
            Directory.Move(subway, Path.Combine(recording, $"subway-moved-{moved}"));
            try
            {
                await File.WriteAllTextAsync(subway, "in the way", Cancel);
                break;
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException && moved < 20 && Directory.Exists(subway))
            {
            }
        }

        var run = await console.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.RecordingStopped, run.ExitCode);
        Assert.Contains("Recording stopped: could not write subway/", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Kept ", run.Stderr, StringComparison.Ordinal);
        Assert.NotEmpty(Payloads.In(Directory.GetDirectories(Path.Combine(recording, "citibike"))[0]));
    }

    private static async Task<WebApplication> StartWebAsync(string configPath)
    {
        var app = TransitDashWebApp.Build(
            HostArguments.Parse(["--urls", "http://127.0.0.1:0"]),
            configPath,
            builder =>
            {
                builder.Services.AddSingleton<TimeProvider>(new FrozenClock(RecordedUpstream.Moment));
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["TransitDash:ClockStart"] = string.Empty });
            });
        await app.StartAsync(Cancel);
        Assert.True(await FirstAttempts.WaitAsync(app.Services.GetRequiredService<SnapshotStore>(), TimeSpan.FromSeconds(30), Cancel));
        return app;
    }
}
