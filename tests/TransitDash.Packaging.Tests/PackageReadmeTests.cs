using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace TransitDash.Packaging.Tests;

/// <summary>Each package's README, as packed: it shows how to install and start, and documents every log
/// event id and instrument the assembly declares, so the docs cannot drift from the code.</summary>
public sealed class PackageReadmeTests(PackedPackages packages)
{
    public static TheoryData<string, string> EntryPoints => new()
    {
        { "TransitDash.Feeds", "AddTransitDashFeedClients(" },
        { "TransitDash.Caching", "AddTransitDash(" },
        { "TransitDash.Caching.Redis", "AddRedisSnapshots(" },
    };

    public static TheoryData<string> ShippedIds => [.. PackedPackages.Ids];

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public async Task Readme_ShippedPackage_ShowsInstallLineAndEntryPoint(string id, string entryPoint)
    {
        var readme = await ReadmeAsync(id);

        Assert.Contains($"dotnet add package {id}", readme, StringComparison.Ordinal);
        Assert.Contains(entryPoint, readme, StringComparison.Ordinal);
        Assert.Contains("```csharp", readme, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ShippedIds))]
    public async Task Readme_ShippedPackage_ListsEveryLogEventId(string id)
    {
        var readme = await ReadmeAsync(id);

        // A table row whose first cell names the id, alone or among others ("| 2100, 2101 | ...").
        var missing = LogEventIds(Assembly.Load(id))
            .Where(eventId => !Regex.IsMatch(readme, $@"(?m)^\|[^|\n]*\b{eventId}\b[^|\n]*\|"))
            .ToList();

        Assert.True(missing.Count == 0, $"{id}'s README has no table row ('| id | ...') for the log event ids {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(ShippedIds))]
    public async Task Readme_ShippedPackage_ListsEveryInstrument(string id)
    {
        var readme = await ReadmeAsync(id);

        var missing = InstrumentNames(Assembly.Load(id)).Where(name => !readme.Contains($"`{name}`", StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0, $"{id}'s README does not list the instruments {string.Join(", ", missing)}");
    }

    // Every [LoggerMessage] of the assembly, wherever its partial class lives.
    private static IEnumerable<int> LogEventIds(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .Select(a => a.EventId)
            .Distinct()
            .Order();

    // Instrument names are public constants (the telemetry contract), lowercase and dotted under "transitdash.".
    private static IEnumerable<string> InstrumentNames(Assembly assembly) =>
        assembly.GetExportedTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => v.StartsWith("transitdash.", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal);

    private async Task<string> ReadmeAsync(string id)
    {
        await packages.PackAsync(id);
        return PackageFile.Open(packages.PackagePath(id)).ReadText("README.md");
    }
}
