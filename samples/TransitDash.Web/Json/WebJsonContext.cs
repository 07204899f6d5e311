using System.Text.Json.Serialization;

namespace TransitDash.Web.Json;

/// <summary>Source-generated serialization for every body the host writes or reads.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DictionaryKeyPolicy = JsonKnownNamingPolicy.Unspecified,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(SubwayResponse))]
[JsonSerializable(typeof(CitibikeResponse))]
[JsonSerializable(typeof(AlertsResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(SourceHealthJson))]
[JsonSerializable(typeof(HistoryResponse))]
[JsonSerializable(typeof(AttemptsResponse))]
[JsonSerializable(typeof(ConfigJson))]
[JsonSerializable(typeof(ConfigUpdateJson))]
internal sealed partial class WebJsonContext : JsonSerializerContext;
