using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TransitDash.Feeds.Gbfs.Internal;

/// <summary>Reads a GBFS time: POSIX seconds in 1.1/2.x, an RFC 3339 string in 3.0.</summary>
internal sealed class GbfsTimestampConverter : JsonConverter<DateTimeOffset?>
{
    private const long MinEpochSeconds = -62_135_596_800; // 0001-01-01
    private const long MaxEpochSeconds = 253_402_300_799; // 9999-12-31T23:59:59

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt64(out var seconds))
            {
                return FromEpochSeconds(seconds);
            }

            if (reader.TryGetDouble(out var fractional) && fractional is >= MinEpochSeconds and <= MaxEpochSeconds)
            {
                return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(fractional * 1000));
            }

            throw new JsonException("A time in epoch seconds is out of range.");
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            // A time without an offset is not RFC 3339; reading it as UTC keeps the result independent of
            // the machine's time zone (TryGetDateTimeOffset would use the local one).
            if (reader.TryGetDateTime(out var dateTime) && dateTime.Kind == DateTimeKind.Unspecified)
            {
                return new DateTimeOffset(dateTime, TimeSpan.Zero);
            }

            if (reader.TryGetDateTimeOffset(out var time))
            {
                return time;
            }

            // Some feeds quote their epoch seconds.
            if (long.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quoted))
            {
                return FromEpochSeconds(quoted);
            }
        }

        throw new JsonException($"A time must be epoch seconds or an RFC 3339 string, not {reader.TokenType} '{Shorten(ref reader)}'.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } time)
        {
            writer.WriteNumberValue(time.ToUnixTimeSeconds());
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static DateTimeOffset FromEpochSeconds(long seconds) => seconds is >= MinEpochSeconds and <= MaxEpochSeconds
        ? DateTimeOffset.FromUnixTimeSeconds(seconds)
        : throw new JsonException($"The time {seconds} (epoch seconds) is out of range.");

    private static string Shorten(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return string.Empty;
        }

        var text = reader.GetString() ?? string.Empty;
        return text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");
    }
}
