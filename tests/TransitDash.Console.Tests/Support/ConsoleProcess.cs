using TransitDash.Testing;

namespace TransitDash.ConsoleHost.Tests.Support;

/// <summary>The console host as a separate process (<see cref="SampleProcess"/> running
/// <c>TransitDash.Console.dll</c>, which the project reference copies beside the tests), failing the test
/// when it does not do what a test waits for in time.</summary>
internal sealed class ConsoleProcess : IAsyncDisposable
{
    private static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(60);

    private readonly SampleProcess process;

    private ConsoleProcess(SampleProcess process) => this.process = process;

    public static ConsoleProcess Start(string workingDirectory, params string[] args) =>
        new(SampleProcess.Start("TransitDash.Console.dll", workingDirectory, args));

    /// <summary>Runs to the end (at most a minute).</summary>
    public static async Task<ConsoleRun> RunAsync(string workingDirectory, params string[] args)
    {
        await using var console = Start(workingDirectory, args);
        return await console.WaitForExitAsync(DefaultLimit);
    }

    /// <summary>Waits for the process to end; fails the test when it outlives the limit.</summary>
    public async Task<ConsoleRun> WaitForExitAsync(TimeSpan limit)
    {
        if (!await process.WaitForExitAsync(limit))
        {
            Assert.Fail($"the console did not exit within {limit}.\nstdout:\n{process.Output}\nstderr:\n{process.Errors}");
        }

        return new ConsoleRun(process.ExitCode, process.Output, process.Errors, process.Elapsed);
    }

    /// <summary>Waits until a stdout line holds a text; fails the test after the limit.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan limit)
    {
        if (await process.WaitForLineAsync(l => l.Contains(text, StringComparison.Ordinal), limit) is null)
        {
            Assert.Fail($"the console never printed '{text}'.\nstdout:\n{process.Output}\nstderr:\n{process.Errors}");
        }
    }

    /// <summary>Waits for a stdout line that matches; fails the test after the limit.</summary>
    /// <returns>The first matching line.</returns>
    public async Task<string> WaitForOutputAsync(Func<string, bool> match, string description, TimeSpan limit)
    {
        if (await process.WaitForLineAsync(match, limit) is not { } line)
        {
            Assert.Fail($"the console never printed {description}.\nstdout:\n{process.Output}\nstderr:\n{process.Errors}");
            throw new InvalidOperationException();
        }

        return line;
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public void Interrupt() => process.Signal("INT");

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
