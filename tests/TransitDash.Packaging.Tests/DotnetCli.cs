using System.Diagnostics;
using System.Text;
using TransitDash.Testing;

namespace TransitDash.Packaging.Tests;

/// <summary>Runs the <c>dotnet</c> command on PATH as a person would from a shell, capturing what it prints.</summary>
internal static class DotnetCli
{
    /// <summary>Runs <c>dotnet</c>; skips the test (fails it under TRANSITDASH_REQUIRE_ALL=1) when it is not on PATH.</summary>
    /// <param name="workingDirectory">Where it runs.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="timeout">How long it may take before it is killed with its children.</param>
    /// <param name="environment">Variables to set (a null value removes one).</param>
    /// <returns>The exit code and the interleaved standard output and error.</returns>
    public static async Task<CommandResult> RunAsync(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(Requirements.Executable("dotnet"))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host may have been started by an SDK that exports its MSBuild locations; the child
        // must find its own SDK from global.json like any fresh shell would.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        // A build node or compiler server left running would hold the output pipes open (and the
        // machine's cores): nothing outlives the command.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"'dotnet {string.Join(' ', arguments)}' did not finish within {timeout}:{Environment.NewLine}{Read(output)}");
        }

        return new CommandResult(process.ExitCode, Read(output), $"dotnet {string.Join(' ', arguments)}");
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
