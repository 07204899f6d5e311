using System.Text.Json;
using System.Text.Json.Serialization;

namespace TransitDash.Feeds.Gbfs.Internal;

/// <summary>Reads a GBFS text: a string (1.1/2.x) or an array of <c>{"text", "language"}</c> (3.0).</summary>
internal sealed class LocalizedTextConverter : JsonConverter<LocalizedText>
{
    public override LocalizedText? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return LocalizedText.FromPlain(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"A text must be a string or an array of localized strings, not {reader.TokenType}.");
        }

        var translations = new List<KeyValuePair<string?, string?>>(1);
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException($"A localized string must be an object with text and language, not {reader.TokenType}.");
            }

            string? text = null;
            string? language = null;
            while (Next(ref reader) != JsonTokenType.EndObject)
            {
                var isText = reader.ValueTextEquals("text"u8);
                var isLanguage = !isText && reader.ValueTextEquals("language"u8);
                Next(ref reader);
                if (isText || isLanguage)
                {
                    var value = reader.TokenType is JsonTokenType.String or JsonTokenType.Null
                        ? reader.GetString()
                        : throw new JsonException($"A localized string's {(isText ? "text" : "language")} must be a string, not {reader.TokenType}.");
                    (text, language) = isText ? (value, language) : (text, value);
                }
                else
                {
                    reader.Skip();
                }
            }

            translations.Add(new(language, text));
        }

        return LocalizedText.FromTranslations(translations);
    }

    public override void Write(Utf8JsonWriter writer, LocalizedText value, JsonSerializerOptions options)
        => throw new NotSupportedException("GBFS documents are only read.");

    // The serializer hands a converter the whole value, so running out means the value itself is broken.
    private static JsonTokenType Next(ref Utf8JsonReader reader)
        => reader.Read() ? reader.TokenType : throw new JsonException("A localized text ends early.");
}
