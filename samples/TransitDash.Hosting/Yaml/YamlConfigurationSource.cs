using Microsoft.Extensions.Configuration;

namespace TransitDash.Hosting.Yaml;

/// <summary>A YAML file as an <see cref="IConfiguration"/> source: mappings become sections, sequences
/// become indexed sections (<c>Feeds:0:Name</c>), scalars become values.</summary>
public sealed class YamlConfigurationSource : FileConfigurationSource
{
    /// <inheritdoc />
    public override IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        EnsureDefaults(builder);
        return new YamlConfigurationProvider(this);
    }
}
