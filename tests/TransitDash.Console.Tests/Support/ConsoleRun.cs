namespace TransitDash.ConsoleHost.Tests.Support;

/// <summary>How a console process ended.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Stdout">Everything it wrote to stdout.</param>
/// <param name="Stderr">Everything it wrote to stderr.</param>
/// <param name="Elapsed">From start to exit.</param>
internal sealed record ConsoleRun(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed);
