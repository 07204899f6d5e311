using System.Text.Json.Serialization;

namespace TransitDash.Feeds.Gbfs.Internal;

/// <summary>Reads the GBFS wire types without reflection. Unknown members are skipped; numbers written as
/// strings are accepted because some feeds quote them.</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(LocalizedTextConverter)])]
[JsonSerializable(typeof(GbfsDocument<DiscoveryData>), TypeInfoPropertyName = "DiscoveryDocument")]
[JsonSerializable(typeof(GbfsDocument<StationInformationData>), TypeInfoPropertyName = "StationInformationDocument")]
[JsonSerializable(typeof(GbfsDocument<StationStatusData>), TypeInfoPropertyName = "StationStatusDocument")]
[JsonSerializable(typeof(GbfsDocument<VehicleTypesData>), TypeInfoPropertyName = "VehicleTypesDocument")]
[JsonSerializable(typeof(DiscoveryLanguageWire))]
[JsonSerializable(typeof(List<DiscoveryFeedWire>))]
internal sealed partial class GbfsJsonContext : JsonSerializerContext;
