using System.Text.RegularExpressions;
using TransitDash.Testing;

namespace TransitDash.Web.Tests.Support;

/// <summary>The web host as its own process (<see cref="SampleProcess"/> running <c>TransitDash.Web.dll</c>,
/// which the build copies beside the tests), and where it says it listens.</summary>
internal static partial class HostProcess
{
    // The host's console must not depend on the terminal the tests run in.
    private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal) { ["NO_COLOR"] = "1" };

    public static SampleProcess Start(string workingDirectory, params string[] args) =>
        SampleProcess.Start("TransitDash.Web.dll", workingDirectory, args, Environment);

    /// <summary>Waits for the host to say where it listens and returns that address.</summary>
    public static async Task<Uri> ListeningAddressAsync(this SampleProcess host, TimeSpan within)
    {
        var line = await host.WaitForLineAsync(l => ListeningLine().IsMatch(l), within);
        if (line is null)
        {
            Assert.Fail(host.HasExited
                ? $"The host exited ({host.ExitCode}) before listening.\n{host.Output}\n{host.Errors}"
                : $"Waited {within.TotalSeconds:0} s for the host to log its address.\n{host.Output}\n{host.Errors}");
        }

        return new Uri(ListeningLine().Match(line!).Groups["url"].Value);
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningLine();
}
