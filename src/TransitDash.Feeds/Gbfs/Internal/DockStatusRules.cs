namespace TransitDash.Feeds.Gbfs.Internal;

/// <summary>The counting rules of <c>/api/citibike</c> (API.md). Counts are never negative; sums are
/// taken in 64 bits so that absurd upstream numbers clamp instead of wrapping.</summary>
internal static class DockStatusRules
{
    public static DockStatus Compute(
        BikeStation station,
        BikeStationStatus status,
        IReadOnlyDictionary<string, GbfsVehicleType> vehicleTypes,
        double? distanceMeters)
    {
        var ebikes = Ebikes(status, vehicleTypes);
        var bikes = ClassicBikes(status, ebikes, vehicleTypes);
        var capacity = Math.Max(station.Capacity ?? 0, 0);
        return new DockStatus(
            station.StationId,
            station.Name,
            bikes,
            ebikes,
            Math.Max(status.NumDocksAvailable ?? 0, 0),
            capacity,
            status.IsRenting,
            status.IsReturning,
            status.LastReported,
            PercentFull(bikes + (long)ebikes, capacity),
            distanceMeters)
        {
            Latitude = station.Latitude,
            Longitude = station.Longitude,
        };
    }

    /// <summary><c>num_ebikes_available</c> when present, else the counts of electric bicycle types
    /// (never scooters or other electric vehicles).</summary>
    public static int Ebikes(BikeStationStatus status, IReadOnlyDictionary<string, GbfsVehicleType> vehicleTypes)
        => ClampCount(status.NumEbikesAvailable ?? SumCounts(status, vehicleTypes, static t => t.IsEbike));

    /// <summary><c>num_bikes_available</c> minus e-bikes when <c>num_ebikes_available</c> is present; else
    /// the counts of human-powered bicycle types when the station's counts can be told apart by type; else
    /// <c>num_bikes_available</c> (3.0: <c>num_vehicles_available</c>) minus e-bikes.</summary>
    public static int ClassicBikes(BikeStationStatus status, int ebikes, IReadOnlyDictionary<string, GbfsVehicleType> vehicleTypes)
    {
        if (status.NumEbikesAvailable is null && HasKnownTypes(status, vehicleTypes))
        {
            return ClampCount(SumCounts(status, vehicleTypes, static t => t.IsClassicBike));
        }

        return ClampCount((long)status.NumBikesAvailable - ebikes);
    }

    /// <summary>100 x bikes / capacity, rounded half away from zero, clamped to 0..100; 0 for no capacity.</summary>
    public static int PercentFull(long bikes, int capacity)
        => capacity <= 0 ? 0 : (int)Math.Clamp(RoundHalfAwayFromZero(100 * bikes, capacity), 0, 100);

    /// <summary>numerator / denominator (denominator &gt; 0) rounded half away from zero, in integers so that
    /// an exact .5 is never lost to floating point.</summary>
    public static long RoundHalfAwayFromZero(long numerator, long denominator)
    {
        var magnitude = ((2 * Math.Abs(numerator)) + denominator) / (2 * denominator);
        return numerator < 0 ? -magnitude : magnitude;
    }

    // Only when some of the station's types are known can a missing human-powered type mean "no classic bikes";
    // otherwise the per-type counts say nothing and the totals are used.
    private static bool HasKnownTypes(BikeStationStatus status, IReadOnlyDictionary<string, GbfsVehicleType> vehicleTypes)
        => status.VehicleTypesAvailable.Any(c => vehicleTypes.ContainsKey(c.VehicleTypeId));

    private static long SumCounts(BikeStationStatus status, IReadOnlyDictionary<string, GbfsVehicleType> vehicleTypes, Func<GbfsVehicleType, bool> kind)
    {
        long sum = 0;
        foreach (var count in status.VehicleTypesAvailable)
        {
            if (vehicleTypes.TryGetValue(count.VehicleTypeId, out var type) && kind(type))
            {
                sum += count.Count;
            }
        }

        return sum;
    }

    private static int ClampCount(long count) => (int)Math.Clamp(count, 0, int.MaxValue);
}
