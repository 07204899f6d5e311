using Microsoft.Extensions.Configuration;

namespace TransitDash.Hosting.Yaml;

/// <summary>Adds YAML files to a configuration builder.</summary>
public static class YamlConfigurationExtensions
{
    /// <summary>Adds a YAML file.</summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="path">The file's path (absolute, or relative to the builder's file provider).</param>
    /// <param name="optional">Whether the file may be missing.</param>
    /// <param name="reloadOnChange">Whether to reload when the file changes.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddYamlFile(this IConfigurationBuilder builder, string path, bool optional = false, bool reloadOnChange = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.Add<YamlConfigurationSource>(source =>
        {
            source.Path = path;
            source.Optional = optional;
            source.ReloadOnChange = reloadOnChange;
            source.ResolveFileProvider();
        });
    }
}
