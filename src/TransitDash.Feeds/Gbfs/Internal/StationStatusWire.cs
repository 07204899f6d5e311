using System.Text.Json.Serialization;

namespace TransitDash.Feeds.Gbfs.Internal;

/// <summary>One station of <c>station_status</c>, in any GBFS version: 2.x names and 3.0 names side by side.</summary>
internal sealed class StationStatusWire
{
    [JsonConverter(typeof(GbfsIdConverter))]
    public string? StationId { get; init; }

    public int? NumBikesAvailable { get; init; }

    public int? NumVehiclesAvailable { get; init; }

    public int? NumEbikesAvailable { get; init; }

    public int? NumDocksAvailable { get; init; }

    [JsonConverter(typeof(GbfsFlagConverter))]
    public bool? IsInstalled { get; init; }

    [JsonConverter(typeof(GbfsFlagConverter))]
    public bool? IsRenting { get; init; }

    [JsonConverter(typeof(GbfsFlagConverter))]
    public bool? IsReturning { get; init; }

    [JsonConverter(typeof(GbfsTimestampConverter))]
    public DateTimeOffset? LastReported { get; init; }

    public List<VehicleTypeCountWire?>? VehicleTypesAvailable { get; init; }
}
