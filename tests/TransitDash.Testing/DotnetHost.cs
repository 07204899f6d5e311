namespace TransitDash.Testing;

/// <summary>The <c>dotnet</c> executable running these tests, for starting a sample host as its own process
/// (<c>dotnet TransitDash.Web.dll</c>).</summary>
public static class DotnetHost
{
    /// <summary>The host the SDK names (<c>DOTNET_HOST_PATH</c>), else the one beside the runtime, else
    /// <c>dotnet</c> from PATH.</summary>
    public static string Path { get; } = Locate();

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } fromSdk && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        // The runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/, the host in <root>.
        var root = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var beside = System.IO.Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(beside) ? beside : "dotnet";
    }
}
