using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TransitDash.Testing;

/// <summary>A sample host as its own process (<c>dotnet TransitDash.Web.dll ...</c>, from this test project's
/// output, where a project reference copies it), for what only a process shows: its exit code, its console
/// (stdout and stderr kept apart), and what it does on a signal. Its environment does not leak in from the
/// test run: no URLs and no <c>TransitDash__</c> settings.</summary>
public sealed partial class SampleProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];
    private readonly List<string> errors = [];
    private readonly Lock gate = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TaskCompletionSource lineArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? exited;

    private SampleProcess(Process process) => this.process = process;

    /// <summary>The process id.</summary>
    public int Id => process.Id;

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>The exit code, once it has ended.</summary>
    public int ExitCode => process.ExitCode;

    /// <summary>Time since the start.</summary>
    public TimeSpan Elapsed => clock.Elapsed;

    /// <summary>Everything written to stdout so far, each line ended by <c>\n</c>.</summary>
    public string Output => Joined(output);

    /// <summary>Everything written to stderr so far, each line ended by <c>\n</c>.</summary>
    public string Errors => Joined(errors);

    /// <summary>Starts <c>dotnet &lt;program&gt; args</c>; fails the test when the program is not beside it.</summary>
    /// <param name="program">The host's file name, for example <c>TransitDash.Web.dll</c>.</param>
    /// <param name="workingDirectory">Where it runs.</param>
    /// <param name="args">Its arguments.</param>
    /// <returns>The running process.</returns>
    public static SampleProcess Start(string program, string workingDirectory, params IEnumerable<string> args) =>
        Start(program, workingDirectory, args, new Dictionary<string, string>());

    /// <summary>Starts <c>dotnet &lt;program&gt; args</c> with more environment variables.</summary>
    /// <param name="program">The host's file name, for example <c>TransitDash.Web.dll</c>.</param>
    /// <param name="workingDirectory">Where it runs.</param>
    /// <param name="args">Its arguments.</param>
    /// <param name="environment">Variables to set for it.</param>
    /// <returns>The running process.</returns>
    public static SampleProcess Start(string program, string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var path = Path.Combine(AppContext.BaseDirectory, program);
        Assert.True(File.Exists(path), $"{path} is missing: the test project references the host, whose build puts it there");
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The host's settings must not come from the test run's environment.
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("DOTNET_URLS");
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("TransitDash__", StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        InterruptsReachChildren();
        var sample = new SampleProcess(new Process { StartInfo = start });
        sample.process.OutputDataReceived += (_, e) => sample.Collect(sample.output, e.Data);
        sample.process.ErrorDataReceived += (_, e) => sample.Collect(sample.errors, e.Data);
        sample.process.Start();
        sample.process.BeginOutputReadLine();
        sample.process.BeginErrorReadLine();
        return sample;
    }

    /// <summary>Waits for a stdout line that matches; null when the process ends or the time is up first.</summary>
    /// <param name="match">The line wanted.</param>
    /// <param name="within">How long to wait at most.</param>
    /// <returns>The first matching line, or null.</returns>
    public async Task<string?> WaitForLineAsync(Func<string, bool> match, TimeSpan within)
    {
        var deadline = Task.Delay(within, TestContext.Current.CancellationToken);
        var ended = Exited();
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (output.FirstOrDefault(match) is { } line)
                {
                    return line;
                }

                next = lineArrived.Task;
            }

            if (ended.IsCompleted || deadline.IsCompleted)
            {
                lock (gate)
                {
                    return output.FirstOrDefault(match);
                }
            }

            await Task.WhenAny(next, ended, deadline).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for a host started with <c>--urls http://127.0.0.1:0</c> to say where it listens: a port the
    /// host picks itself cannot be taken by another process between a test choosing it and the host binding it.</summary>
    /// <param name="within">How long to wait at most.</param>
    /// <returns>The address.</returns>
    public async Task<Uri> ListeningAddressAsync(TimeSpan within)
    {
        var line = await WaitForLineAsync(l => ListeningLine().IsMatch(l), within).ConfigureAwait(false);
        if (line is null)
        {
            Assert.Fail(HasExited
                ? $"The host exited ({ExitCode}) before listening.\n{Output}\n{Errors}"
                : $"Waited {within.TotalSeconds:0} s for the host to log its address.\n{Output}\n{Errors}");
        }

        return new Uri(ListeningLine().Match(line!).Groups["url"].Value);
    }

    /// <summary>Waits for the process to end and its console to be read to the end.</summary>
    /// <param name="within">How long to wait at most.</param>
    /// <returns>False when it was still running after <paramref name="within"/>.</returns>
    public async Task<bool> WaitForExitAsync(TimeSpan within)
    {
        var ended = Exited();
        await Task.WhenAny(ended, Task.Delay(within, TestContext.Current.CancellationToken)).ConfigureAwait(false);
        return ended.IsCompleted;
    }

    /// <summary>Sends a signal (<c>kill -s</c>), as a terminal or a service manager does.</summary>
    /// <param name="signal">The signal's name: INT, TERM, STOP, CONT...</param>
    public void Signal(string signal) => Assert.Equal(0, Send(signal));

    /// <summary><c>kill -9</c>: the process ends at once, cleaning nothing up.</summary>
    /// <returns>When it has ended.</returns>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await Exited().ConfigureAwait(false);
    }

    /// <summary>Kills the process if a test has not already stopped it.</summary>
    /// <returns>When it has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // A paused process cannot die until it runs again; it may end between the check and the signal.
            Send("CONT");
            process.Kill(entireProcessTree: true);
        }

        await Exited().ConfigureAwait(false);
        process.Dispose();
    }

    // Without a token, WaitForExitAsync also waits for the console streams, which are drained after the process has gone.
    private Task Exited()
    {
        lock (gate)
        {
            return exited ??= process.WaitForExitAsync(CancellationToken.None);
        }
    }

    /// <summary>A test run started in the background of a shell without job control ignores SIGINT, and every process it
    /// starts inherits that (the runtime keeps an inherited ignore, as terminals expect of background jobs): a host
    /// would never see the Ctrl+C a test sends it. The test process takes back the default, so its hosts do not
    /// inherit the ignore.</summary>
    private static void InterruptsReachChildren()
    {
        const int Interrupt = 2;
        if (OperatingSystem.IsLinux() && InterruptIgnored())
        {
            _ = SetDisposition(Interrupt, 0);
        }

        static bool InterruptIgnored()
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
            return line is not null && (ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << (Interrupt - 1))) != 0;
        }
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint SetDisposition(int signal, nint handler);

    private int Send(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo(Requirements.Executable("kill"), ["-s", signal, Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        return kill.ExitCode;
    }

    private string Joined(List<string> lines)
    {
        lock (gate)
        {
            return string.Concat(lines.Select(l => l + "\n"));
        }
    }

    private void Collect(List<string> lines, string? line)
    {
        if (line is null)
        {
            return;
        }

        TaskCompletionSource arrived;
        lock (gate)
        {
            lines.Add(line);
            arrived = lineArrived;
            lineArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningLine();
}
