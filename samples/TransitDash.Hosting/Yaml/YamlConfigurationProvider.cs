using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TransitDash.Hosting.Yaml;

/// <summary>Reads a YAML file into configuration keys.</summary>
public sealed class YamlConfigurationProvider : FileConfigurationProvider
{
    /// <summary>Creates the provider.</summary>
    /// <param name="source">The source.</param>
    public YamlConfigurationProvider(YamlConfigurationSource source)
        : base(source)
    {
    }

    /// <inheritdoc />
    public override void Load(Stream stream) => Data = Parse(stream);

    /// <summary>Flattens a YAML document into configuration keys.</summary>
    /// <param name="stream">The YAML text.</param>
    /// <returns>The keys and values (case-insensitive keys).</returns>
    /// <exception cref="FormatException">The text is not YAML, or a key appears twice: the message gives the line and column.</exception>
    public static Dictionary<string, string?> Parse(Stream stream)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var yaml = new YamlStream();
        try
        {
            using var reader = new StreamReader(stream);
            yaml.Load(reader);
        }
        catch (YamlException e)
        {
            throw new FormatException($"not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {Describe(e)}", e);
        }

        if (yaml.Documents.Count > 0)
        {
            Visit(yaml.Documents[0].RootNode, path: null, data);
        }

        return data;
    }

    private static void Visit(YamlNode node, string? path, Dictionary<string, string?> data)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (keyNode, value) in mapping.Children)
                {
                    var key = keyNode is YamlScalarNode scalar ? scalar.Value ?? string.Empty : keyNode.ToString();
                    var childPath = path is null ? key : ConfigurationPath.Combine(path, key);
                    if (data.ContainsKey(childPath) || data.Keys.Any(k => k.StartsWith(childPath + ConfigurationPath.KeyDelimiter, StringComparison.OrdinalIgnoreCase)))
                    {
                        throw new FormatException($"the key '{childPath}' appears twice (line {keyNode.Start.Line})");
                    }

                    Visit(value, childPath, data);
                }

                if (mapping.Children.Count == 0 && path is not null)
                {
                    data[path] = string.Empty;
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Visit(sequence.Children[i], ConfigurationPath.Combine(path ?? string.Empty, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), data);
                }

                if (sequence.Children.Count == 0 && path is not null)
                {
                    data[path] = string.Empty;
                }

                break;
            case YamlScalarNode scalar when path is not null:
                // A plain "~" or "null" means no value; keep the key so "Url:" with nothing reads as empty.
                var isNull = scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "~" or "null" or "Null" or "NULL";
                data[path] = isNull ? string.Empty : scalar.Value;
                break;
        }
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes messages with the position, which the caller states already.
        var message = e.InnerException?.Message ?? e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return close >= 0 && message.StartsWith('(') ? message[(close + 3)..] : message;
    }
}
