using System.Text.RegularExpressions;

namespace TransitDash.Packaging.Tests;

/// <summary>Only the libraries under <c>src/</c> are packable: tests, samples and benchmarks never become packages.</summary>
public sealed partial class SolutionPackabilityTests
{
    [Fact]
    public async Task Solution_EveryProject_IsPackableOnlyWhenUnderSrc()
    {
        var projects = SolutionProjects().ToList();
        Assert.Contains("src/TransitDash.Feeds/TransitDash.Feeds.csproj", projects);
        Assert.Contains("src/TransitDash.Caching/TransitDash.Caching.csproj", projects);

        var wrong = new List<string>();
        foreach (var project in projects)
        {
            var result = (await DotnetCli.RunAsync(RepositoryRoot.Path, ["msbuild", project, "-getProperty:IsPackable"], TimeSpan.FromMinutes(2))).EnsureSuccess();
            var packable = string.Equals(result.Output.Trim(), "true", StringComparison.OrdinalIgnoreCase);
            if (packable != project.StartsWith("src/", StringComparison.Ordinal))
            {
                wrong.Add($"{project}: IsPackable={packable}");
            }
        }

        Assert.True(wrong.Count == 0, "Only src/ projects may be packable: " + string.Join("; ", wrong));
    }

    private static IEnumerable<string> SolutionProjects() =>
        ProjectLine().Matches(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "TransitDash.sln")))
            .Select(m => m.Groups["path"].Value.Replace('\\', '/'));

    [GeneratedRegex("""^Project\("[^"]+"\) = "[^"]+", "(?<path>[^"]+\.csproj)",""", RegexOptions.Multiline)]
    private static partial Regex ProjectLine();
}
