using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using TransitDash.Testing;
using TransitDash.Web.Tests.Support;

namespace TransitDash.Web.Tests.Hosting;

[Collection(nameof(HostProcessCollection))]
public sealed class DemoModeTests
{
    private static readonly TimeSpan BoardWithin = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StopWithin = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Demo_RepositoryConfig_ServesANonEmptyBoardWithinTenSecondsAndStopsOnSignal(string signal)
    {
        using var folder = new TempDirectory();
        var started = Stopwatch.StartNew();
        await using var host = HostProcess.Start(folder.FullPath, "--demo", "--config", Repository.ConfigFile(), "--urls", "http://127.0.0.1:0");

        var address = await host.ListeningAddressAsync(BoardWithin);
        using var client = new HttpClient { BaseAddress = address };
        foreach (var endpoint in new[] { "/api/subway", "/api/citibike" })
        {
            var answer = await Eventually.Until(
                () => ApiAnswer.GetAsync(client, endpoint),
                a => a.Status == HttpStatusCode.OK && a.Data.Count > 0,
                $"{endpoint} to list something",
                BoardWithin - started.Elapsed);
            Assert.True((bool?)answer.Json!["success"]);
        }

        Assert.True(started.Elapsed < BoardWithin, $"the board took {started.Elapsed.TotalSeconds:0.0} s");
        var page = await ApiAnswer.GetAsync(client, "/");
        Assert.Contains("FiDi Transit Dashboard", page.Text, StringComparison.Ordinal);
        Assert.Contains("Scheduler started", host.Output, StringComparison.Ordinal);

        host.Signal(signal);

        Assert.True(await host.WaitForExitAsync(StopWithin), $"the host did not stop within {StopWithin.TotalSeconds:0} s of SIG{signal}");
        Assert.Equal(0, host.ExitCode);
        Assert.DoesNotContain("Unhandled exception", host.Errors + host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(" fail: ", host.Output, StringComparison.Ordinal);
        await Assert.ThrowsAsync<SocketException>(async () =>
        {
            using var socket = new TcpClient();
            await socket.ConnectAsync(address.Host, address.Port, TestContext.Current.CancellationToken);
        });
    }
}
