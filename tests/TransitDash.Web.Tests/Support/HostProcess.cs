using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using TransitDash.Testing;

namespace TransitDash.Web.Tests.Support;

/// <summary>The web host as its own process (<c>dotnet TransitDash.Web.dll</c>, as the build copies it beside
/// the tests), for what only a process shows: its exit code, its console, and how it stops on a signal.</summary>
internal sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly ConcurrentQueue<string> errors = new();

    private HostProcess(Process process) => this.process = process;

    public string Output => string.Join('\n', output);

    public string Errors => string.Join('\n', errors);

    public int ExitCode => process.ExitCode;

    public static HostProcess Start(string workingDirectory, params string[] args)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "TransitDash.Web.dll");
        Assert.True(File.Exists(program), $"{program} is missing: the test project references the web host, whose build puts it there");
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The host's console must not depend on the terminal the tests run in.
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NO_COLOR"] = "1";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("DOTNET_URLS");

        var process = new Process { StartInfo = start };
        var host = new HostProcess(process);
        process.OutputDataReceived += (_, e) => Collect(host.output, e.Data);
        process.ErrorDataReceived += (_, e) => Collect(host.errors, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits for the host to say where it listens and returns that address.</summary>
    public async Task<Uri> ListeningAddressAsync(TimeSpan within)
    {
        var line = await Eventually.Until(
            () => Task.FromResult(output.FirstOrDefault(l => ListeningLine().IsMatch(l)) ?? (process.HasExited ? "exited" : null)),
            l => l is not null,
            "the host to log its address",
            within);
        if (line == "exited")
        {
            Assert.Fail($"The host exited ({process.ExitCode}) before listening.\n{Output}\n{Errors}");
        }

        return new Uri(ListeningLine().Match(line!).Groups["url"].Value);
    }

    public async Task<bool> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await process.WaitForExitAsync(timeout.Token);

            // The console streams are drained after the process has gone.
            await process.WaitForExitAsync(CancellationToken.None);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Asks the host to stop as a terminal or a service manager does.</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, process.Id.ToString()]) { UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // Only after a test has already failed to stop it by asking.
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static void Collect(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningLine();
}
