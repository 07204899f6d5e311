using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using TransitDash.Testing;

namespace TransitDash.ConsoleHost.Tests.Support;

/// <summary>The console host as a separate process: <c>dotnet TransitDash.Console.dll ...</c> from this
/// test project's output (the project reference copies it here), stdout and stderr captured apart.</summary>
internal sealed class ConsoleProcess : IDisposable
{
    private static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly ConcurrentQueue<TaskCompletionSource> lineWaiters = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();

    private ConsoleProcess(string workingDirectory, IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string Dll
    {
        get
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "TransitDash.Console.dll");
            Assert.True(File.Exists(dll), $"the console host is not beside the tests: {dll}");
            return dll;
        }
    }

    public string Stdout
    {
        get
        {
            lock (stdout)
            {
                return stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    public int Id => process.Id;

    public static ConsoleProcess Start(string workingDirectory, params string[] args) => new(workingDirectory, args);

    /// <summary>Runs to the end (at most a minute).</summary>
    public static async Task<ConsoleRun> RunAsync(string workingDirectory, params string[] args)
    {
        using var console = Start(workingDirectory, args);
        return await console.WaitForExitAsync(DefaultLimit);
    }

    /// <summary>Waits for the process to end; fails the test when it outlives the limit.</summary>
    public async Task<ConsoleRun> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the console did not exit within {limit}.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }

        // The exit can come before the last output events: WaitForExit() without a timeout waits for them.
        process.WaitForExit();
        return new ConsoleRun(process.ExitCode, Stdout, Stderr, clock.Elapsed);
    }

    /// <summary>Waits until stdout holds a text; fails the test after the limit.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan limit)
    {
        var deadline = clock.Elapsed + limit;
        while (!Stdout.Contains(text, StringComparison.Ordinal))
        {
            if (process.HasExited || clock.Elapsed > deadline)
            {
                Assert.Fail($"the console never printed '{text}'.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lineWaiters.Enqueue(waiter);
            await Task.WhenAny(waiter.Task, Task.Delay(TimeSpan.FromMilliseconds(200)));
        }
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public async Task InterruptAsync()
    {
        var kill = Requirements.Executable("kill");
        using var signal = Process.Start(kill, ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await signal.WaitForExitAsync();
        Assert.Equal(0, signal.ExitCode);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }

        while (lineWaiters.TryDequeue(out var waiter))
        {
            waiter.TrySetResult();
        }
    }
}
