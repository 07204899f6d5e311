namespace TransitDash.Feeds.Gbfs.Internal;

/// <summary><c>data</c> of <c>vehicle_types</c>.</summary>
internal sealed class VehicleTypesData
{
    public List<VehicleTypeWire?>? VehicleTypes { get; init; }
}
