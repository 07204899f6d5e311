using System.Text.Json.Serialization;
using TransitDash.Health;
using TransitDash.Snapshots;
using TransitDash.Sources;

namespace TransitDash.Internal;

/// <summary>The source-generated JSON of what replicas share: the built-in sources' data, snapshot metadata,
/// attempts and health samples. Defaults and computed members are left out; enums are written by name so
/// that a reordered enum cannot change a value's meaning.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    IgnoreReadOnlyProperties = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(SubwayBoard))]
[JsonSerializable(typeof(BikeBoard))]
[JsonSerializable(typeof(AlertBoard))]
[JsonSerializable(typeof(SnapshotMetadata))]
[JsonSerializable(typeof(FeedAttempt))]
[JsonSerializable(typeof(HealthSample))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext;
