using System.Text.Json.Serialization;

namespace TransitDash.ConsoleHost.Recording;

/// <summary>Source-generated serialization of the sidecars.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(PayloadSidecar))]
internal sealed partial class RecordingJsonContext : JsonSerializerContext;
