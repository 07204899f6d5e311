using System.Text.Json;
using System.Text.Json.Serialization;

namespace TransitDash.Feeds.Gbfs.Internal;

/// <summary>Reads a GBFS flag: 0/1 in 1.1/2.x (where booleans are also common), true/false in 3.0.</summary>
internal sealed class GbfsFlagConverter : JsonConverter<bool?>
{
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number when reader.TryGetInt32(out var number) && number is 0 or 1:
                return number == 1;
            default:
                throw new JsonException($"A flag must be true, false, 0 or 1, not {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } flag)
        {
            writer.WriteBooleanValue(flag);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
