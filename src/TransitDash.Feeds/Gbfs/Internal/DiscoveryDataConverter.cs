using System.Text.Json;
using System.Text.Json.Serialization;

namespace TransitDash.Feeds.Gbfs.Internal;

/// <summary>Reads <c>gbfs.json</c>'s <c>data</c>, whose keys are languages in 1.1/2.x and <c>feeds</c> in 3.0.</summary>
internal sealed class DiscoveryDataConverter : JsonConverter<DiscoveryData>
{
    public override DiscoveryData? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"The discovery's data must be an object, not {reader.TokenType}.");
        }

        var data = new DiscoveryData();
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            Next(ref reader);
            if (key == "feeds" && reader.TokenType == JsonTokenType.StartArray)
            {
                data.Feeds = JsonSerializer.Deserialize(ref reader, GbfsJsonContext.Default.ListDiscoveryFeedWire);
            }
            else if (reader.TokenType == JsonTokenType.StartObject)
            {
                var language = JsonSerializer.Deserialize(ref reader, GbfsJsonContext.Default.DiscoveryLanguageWire);
                if (language?.Feeds is { } feeds)
                {
                    data.Languages.Add(new(key, feeds));
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return data;
    }

    public override void Write(Utf8JsonWriter writer, DiscoveryData value, JsonSerializerOptions options)
        => throw new NotSupportedException("GBFS documents are only read.");

    private static JsonTokenType Next(ref Utf8JsonReader reader)
        => reader.Read() ? reader.TokenType : throw new JsonException("The discovery's data ends early.");
}
