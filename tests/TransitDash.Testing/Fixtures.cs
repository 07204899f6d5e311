namespace TransitDash.Testing;

/// <summary>Finds the recorded third-party feeds that tests read (never copied into the project):
/// <c>TRANSITDASH_FIXTURES</c> when set, else <c>shared/fixtures</c> beside the repository.</summary>
public static class Fixtures
{
    private static readonly Lazy<string?> Root = new(Locate);

    /// <summary>The fixtures folder, or null when this machine has none.</summary>
    public static string? Directory => Root.Value;

    /// <summary>The fixtures folder; skips the calling test when it is missing (fails it under
    /// <c>TRANSITDASH_REQUIRE_ALL=1</c>).</summary>
    /// <returns>The folder's full path.</returns>
    public static string Require()
    {
        var root = Root.Value;
        if (root is null)
        {
            Requirements.Missing("the recorded feeds (../shared/fixtures or TRANSITDASH_FIXTURES) are not on this machine");
        }

        return root!;
    }

    /// <summary>The full path of a fixture file, skipping the test when fixtures are missing.</summary>
    /// <param name="relativePath">A path under the fixtures folder, for example <c>mta/gtfs-g-20251002T142020Z.pb</c>.</param>
    /// <returns>The full path.</returns>
    public static string Path(string relativePath) => System.IO.Path.Combine(Require(), relativePath);

    /// <summary>The bytes of a fixture file.</summary>
    /// <param name="relativePath">A path under the fixtures folder.</param>
    /// <returns>The file's bytes.</returns>
    public static byte[] Bytes(string relativePath) => File.ReadAllBytes(Path(relativePath));

    /// <summary>Every MTA subway recording, sorted by name.</summary>
    /// <returns>Full paths.</returns>
    public static IReadOnlyList<string> MtaRecordings() =>
        System.IO.Directory.GetFiles(System.IO.Path.Combine(Require(), "mta"), "*.pb").Order(StringComparer.Ordinal).ToArray();

    private static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TRANSITDASH_FIXTURES");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return System.IO.Directory.Exists(fromEnvironment) ? System.IO.Path.GetFullPath(fromEnvironment) : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "fixtures");
            if (System.IO.Directory.Exists(System.IO.Path.Combine(candidate, "mta")))
            {
                return candidate;
            }
        }

        return null;
    }
}
