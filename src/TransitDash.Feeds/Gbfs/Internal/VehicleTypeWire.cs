using System.Text.Json.Serialization;

namespace TransitDash.Feeds.Gbfs.Internal;

/// <summary>One entry of <c>vehicle_types</c>.</summary>
internal sealed class VehicleTypeWire
{
    [JsonConverter(typeof(GbfsIdConverter))]
    public string? VehicleTypeId { get; init; }

    public string? FormFactor { get; init; }

    public string? PropulsionType { get; init; }

    public LocalizedText? Name { get; init; }
}
