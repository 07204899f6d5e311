using System.Text.Json.Serialization;

namespace TransitDash.Feeds.Gbfs.Internal;

/// <summary>One entry of a station's <c>vehicle_types_available</c>.</summary>
internal sealed class VehicleTypeCountWire
{
    [JsonConverter(typeof(GbfsIdConverter))]
    public string? VehicleTypeId { get; init; }

    public int? Count { get; init; }
}
