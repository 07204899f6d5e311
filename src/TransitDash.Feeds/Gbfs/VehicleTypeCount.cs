namespace TransitDash.Feeds.Gbfs;

/// <summary>How many vehicles of one type a station has.</summary>
/// <param name="VehicleTypeId">The vehicle type id.</param>
/// <param name="Count">The count.</param>
public sealed record VehicleTypeCount(string VehicleTypeId, int Count);
