using Microsoft.Extensions.Configuration;

namespace TransitDash.ConsoleHost.Hosting;

/// <summary>Edits a host's configuration after its sources (config.yaml, environment, switches) are read:
/// sections can be removed, which layering another source on top cannot do (a list of eight feeds stays
/// eight long under an override of two).</summary>
internal static class ConfigurationEdits
{
    /// <summary>Replaces the configuration's sources with one copy of its values without the removed
    /// sections, then the overrides on top.</summary>
    public static void Apply(ConfigurationManager configuration, IReadOnlyCollection<string> removedSections, IReadOnlyDictionary<string, string?> overrides)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var kept = configuration.AsEnumerable()
            .Where(pair => pair.Value is not null && !removedSections.Any(section => IsUnder(pair.Key, section)))
            .ToList();
        configuration.Sources.Clear();
        configuration.AddInMemoryCollection(kept);
        configuration.AddInMemoryCollection(overrides);
    }

    /// <summary>The configured subway feed names, in order.</summary>
    public static IReadOnlyList<string> SubwayFeedNames(IConfiguration configuration) =>
        configuration.GetSection("TransitDash:Subway:Feeds").GetChildren()
            .OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue)
            .Select(c => c["Name"]).OfType<string>().ToArray();

    private static bool IsUnder(string key, string section) =>
        key.Equals(section, StringComparison.OrdinalIgnoreCase)
        || (key.Length > section.Length && key[section.Length] == ':' && key.StartsWith(section, StringComparison.OrdinalIgnoreCase));
}
