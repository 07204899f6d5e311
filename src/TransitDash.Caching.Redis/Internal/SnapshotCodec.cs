using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TransitDash.Health;
using TransitDash.Snapshots;

namespace TransitDash.Internal;

/// <summary>Writes and reads what replicas share. A snapshot's body is one JSON object,
/// <c>{"schema":1,"type":...,"metadata":{...},"data":{...}}</c>: the schema comes first so that a replica
/// can tell a body it cannot read (written by a newer version) before trying to. Attempts and samples are
/// JSON objects of their own, read only after their snapshot's body proved readable.</summary>
/// <remarks>JSON rather than protobuf: the shared records are the library's public ones, which
/// System.Text.Json source generation serializes without a second set of wire types to keep in step, and a
/// body stays readable with <c>redis-cli</c> when something goes wrong. It is larger than protobuf, but a
/// board is tens of kilobytes written once per poll.</remarks>
internal sealed class SnapshotCodec
{
    /// <summary>The schema this version writes and the newest it reads.</summary>
    public const int Schema = 1;

    private readonly JsonSerializerOptions _options;

    public SnapshotCodec()
    {
        // Sources of one's own (AddSource) carry types the context does not know: those go through reflection.
        _options = new JsonSerializerOptions(SnapshotJsonContext.Default.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(SnapshotJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        _options.MakeReadOnly();
    }

    /// <summary>The body of a snapshot.</summary>
    public byte[] EncodeBody(SnapshotMetadata metadata, object? data, Type dataType)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schema", Schema);
            writer.WriteString("type", dataType.FullName);
            writer.WritePropertyName("metadata");
            JsonSerializer.Serialize(writer, metadata, SnapshotJsonContext.Default.SnapshotMetadata);
            if (data is not null)
            {
                writer.WritePropertyName("data");
                JsonSerializer.Serialize(writer, data, _options.GetTypeInfo(dataType));
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads the body of a snapshot whose data must be of <paramref name="dataType"/>.</summary>
    public DecodedBody DecodeBody(ReadOnlyMemory<byte> body, Type dataType)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schema", out var schemaElement) || !schemaElement.TryGetInt32(out var schema))
            {
                return DecodedBody.Unreadable("it has no schema number");
            }

            if (schema > Schema)
            {
                return new DecodedBody(DecodeStatus.NewerSchema, schema, null, null, null);
            }

            var type = root.TryGetProperty("type", out var typeElement) ? typeElement.GetString() : null;
            if (!string.Equals(type, dataType.FullName, StringComparison.Ordinal))
            {
                return DecodedBody.Unreadable($"it holds {type ?? "no type"}, but this replica keeps {dataType.FullName} for the source");
            }

            var metadata = root.GetProperty("metadata").Deserialize(SnapshotJsonContext.Default.SnapshotMetadata)
                ?? throw new JsonException("The metadata is null.");
            var data = root.TryGetProperty("data", out var dataElement) ? dataElement.Deserialize(_options.GetTypeInfo(dataType)) : null;
            return new DecodedBody(DecodeStatus.Ok, schema, metadata, data, null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or NotSupportedException)
        {
            return DecodedBody.Unreadable(e.Message);
        }
    }

    public static byte[] EncodeAttempt(FeedAttempt attempt) =>
        JsonSerializer.SerializeToUtf8Bytes(attempt, SnapshotJsonContext.Default.FeedAttempt);

    public static FeedAttempt DecodeAttempt(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, SnapshotJsonContext.Default.FeedAttempt) ?? throw new JsonException("The attempt is null.");

    public static byte[] EncodeSample(HealthSample sample) =>
        JsonSerializer.SerializeToUtf8Bytes(sample, SnapshotJsonContext.Default.HealthSample);

    public static HealthSample DecodeSample(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, SnapshotJsonContext.Default.HealthSample);
}
