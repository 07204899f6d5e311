namespace TransitDash.Packaging.Tests;

/// <summary>What a finished command left behind.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Output">Its standard output and error, interleaved.</param>
/// <param name="CommandLine">The command, for messages.</param>
internal sealed record CommandResult(int ExitCode, string Output, string CommandLine)
{
    /// <summary>Fails the test with the command's output unless it exited 0.</summary>
    /// <returns>This result.</returns>
    public CommandResult EnsureSuccess()
    {
        Assert.True(ExitCode == 0, $"'{CommandLine}' exited {ExitCode}:{Environment.NewLine}{Output}");
        return this;
    }
}
