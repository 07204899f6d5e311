namespace TransitDash.Feeds.Gbfs;

/// <summary>One entry of <c>vehicle_types</c>.</summary>
/// <param name="VehicleTypeId">The vehicle type id.</param>
/// <param name="FormFactor">The <c>form_factor</c> (for example <c>bicycle</c>, <c>scooter</c>).</param>
/// <param name="PropulsionType">The <c>propulsion_type</c> (for example <c>human</c>, <c>electric_assist</c>).</param>
/// <param name="Name">The type's name in the chosen language; null when absent.</param>
public sealed record GbfsVehicleType(string VehicleTypeId, string FormFactor, string PropulsionType, string? Name)
{
    /// <summary>True for bicycles with <c>electric</c> or <c>electric_assist</c> propulsion.</summary>
    public bool IsEbike => string.Equals(FormFactor, "bicycle", StringComparison.OrdinalIgnoreCase)
        && (string.Equals(PropulsionType, "electric", StringComparison.OrdinalIgnoreCase)
            || string.Equals(PropulsionType, "electric_assist", StringComparison.OrdinalIgnoreCase));

    /// <summary>True for human-powered bicycles.</summary>
    public bool IsClassicBike => string.Equals(FormFactor, "bicycle", StringComparison.OrdinalIgnoreCase)
        && string.Equals(PropulsionType, "human", StringComparison.OrdinalIgnoreCase);
}
