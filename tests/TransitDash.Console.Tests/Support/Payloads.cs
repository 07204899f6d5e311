namespace TransitDash.ConsoleHost.Tests.Support;

/// <summary>The payload files of a recording's folder.</summary>
internal static class Payloads
{
    /// <summary>The names of a folder's payload files (not sidecars), sorted.</summary>
    public static string[] In(string folder) =>
        Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>()
            .Where(n => !n.EndsWith(".meta.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
}
