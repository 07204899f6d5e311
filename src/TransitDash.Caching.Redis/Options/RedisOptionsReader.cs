using Microsoft.Extensions.Configuration;

namespace TransitDash.Options;

/// <summary>Reads the <c>TransitDash:Redis</c> section by hand, like the library's own sections: durations
/// such as <c>15s</c> read alike from every configuration source, unknown keys are problems, and every
/// problem is kept (with its key path) for the validator to report together.</summary>
internal static class RedisOptionsReader
{
    private static readonly string[] Keys =
    [
        nameof(RedisSnapshotOptions.Configuration),
        nameof(RedisSnapshotOptions.KeyPrefix),
        nameof(RedisSnapshotOptions.LeaseDuration),
        nameof(RedisSnapshotOptions.PollWhenUnreachable),
    ];

    /// <summary>The <c>Redis</c> section of a configuration: itself when it is one, the <c>Redis</c> child of
    /// another section (<c>TransitDash</c>), or <c>TransitDash:Redis</c> of a root.</summary>
    /// <param name="configuration">The configuration given.</param>
    /// <returns>The section.</returns>
    public static IConfigurationSection Locate(IConfiguration configuration) => configuration switch
    {
        IConfigurationSection { Key: RedisSnapshotOptions.SectionName } section => section,
        IConfigurationSection section => section.GetSection(RedisSnapshotOptions.SectionName),
        _ => configuration.GetSection(TransitDashOptions.SectionName + ":" + RedisSnapshotOptions.SectionName),
    };

    /// <summary>Reads the section into the options; absent keys keep their values.</summary>
    /// <param name="section">The <c>Redis</c> section.</param>
    /// <param name="options">The options to fill.</param>
    public static void Read(IConfigurationSection section, RedisSnapshotOptions options)
    {
        options.ConfigurationPath = section.Path;
        var problems = options.BindingProblems;
        foreach (var child in section.GetChildren())
        {
            if (!Keys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{child.Path}: unknown key (expected one of {string.Join(", ", Keys.Order(StringComparer.Ordinal))})");
            }
            else if (child.GetChildren().Any())
            {
                problems.Add($"{child.Path}: a single value belongs here, not a section or a list");
            }
        }

        if (Text(section, nameof(options.Configuration)) is { } configuration)
        {
            options.Configuration = configuration;
        }

        if (Text(section, nameof(options.KeyPrefix)) is { } prefix)
        {
            options.KeyPrefix = prefix;
        }

        if (Text(section, nameof(options.LeaseDuration)) is { } lease)
        {
            if (DurationText.TryParse(lease, out var duration))
            {
                options.LeaseDuration = duration;
            }
            else
            {
                problems.Add($"{section.Path}:{nameof(options.LeaseDuration)}: '{lease}' is not a duration (write it like 15s, 1.5s, 2m or 00:00:15)");
            }
        }

        if (Text(section, nameof(options.PollWhenUnreachable)) is { } poll)
        {
            if (bool.TryParse(poll, out var value))
            {
                options.PollWhenUnreachable = value;
            }
            else
            {
                problems.Add($"{section.Path}:{nameof(options.PollWhenUnreachable)}: '{poll}' is not true or false");
            }
        }
    }

    private static string? Text(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        return child.GetChildren().Any() || string.IsNullOrWhiteSpace(child.Value) ? null : child.Value.Trim();
    }
}
