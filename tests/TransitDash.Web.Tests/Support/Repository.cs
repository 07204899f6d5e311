using TransitDash.Testing;

namespace TransitDash.Web.Tests.Support;

/// <summary>Files of the repository these tests were built from.</summary>
internal static class Repository
{
    /// <summary>The repository's config.yaml, the one a new user runs with.</summary>
    public static string ConfigFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var config = Path.Combine(dir.FullName, "config.yaml");
            if (File.Exists(Path.Combine(dir.FullName, "TransitDash.sln")) && File.Exists(config))
            {
                return config;
            }
        }

        Requirements.Missing("the repository's config.yaml is not above the test output folder");
        return string.Empty;
    }
}
