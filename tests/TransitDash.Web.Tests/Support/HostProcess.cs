using TransitDash.Testing;

namespace TransitDash.Web.Tests.Support;

/// <summary>The web host as its own process (<see cref="SampleProcess"/> running <c>TransitDash.Web.dll</c>,
/// which the build copies beside the tests), its console free of colour codes.</summary>
internal static class HostProcess
{
    // The host's console must not depend on the terminal the tests run in.
    private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal) { ["NO_COLOR"] = "1" };

    public static SampleProcess Start(string workingDirectory, params string[] args) =>
        SampleProcess.Start("TransitDash.Web.dll", workingDirectory, args, Environment);
}
