using System.Text.Json.Serialization;

namespace TransitDash.Feeds.Gbfs.Internal;

/// <summary>One station of <c>station_information</c>; only the members the dock status needs.</summary>
internal sealed class StationInformationWire
{
    [JsonConverter(typeof(GbfsIdConverter))]
    public string? StationId { get; init; }

    public LocalizedText? Name { get; init; }

    public double? Lat { get; init; }

    public double? Lon { get; init; }

    public int? Capacity { get; init; }
}
