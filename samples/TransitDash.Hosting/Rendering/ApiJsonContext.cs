using System.Text.Json.Serialization;

namespace TransitDash.Hosting.Rendering;

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
[JsonSerializable(typeof(ReplicationJson))]
[JsonSerializable(typeof(HistoryResponse))]
[JsonSerializable(typeof(AttemptsResponse))]
[JsonSerializable(typeof(ConfigJson))]
[JsonSerializable(typeof(ConfigUpdateJson))]
[JsonSerializable(typeof(ProblemResponse))]
[JsonSerializable(typeof(NoDataResponse))]
public sealed partial class ApiJsonContext : JsonSerializerContext
{
    /// <summary>The context the host writes with: the attribute's options, and characters such as
    /// <c>+</c> and <c>&amp;</c> left as they are (the bodies are JSON documents, never embedded in HTML).</summary>
    public static ApiJsonContext Web { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
