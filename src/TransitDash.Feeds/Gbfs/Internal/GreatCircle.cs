namespace TransitDash.Feeds.Gbfs.Internal;

/// <summary>Distances on a spherical earth (haversine), which is well within a meter at city scale.</summary>
internal static class GreatCircle
{
    /// <summary>The IUGG mean earth radius, in meters.</summary>
    public const double EarthRadiusMeters = 6_371_008.8;

    public static double DistanceMeters(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var sinHalfLatitude = Math.Sin(ToRadians(latitude2 - latitude1) / 2);
        var sinHalfLongitude = Math.Sin(ToRadians(longitude2 - longitude1) / 2);
        var h = (sinHalfLatitude * sinHalfLatitude)
            + (Math.Cos(ToRadians(latitude1)) * Math.Cos(ToRadians(latitude2)) * sinHalfLongitude * sinHalfLongitude);

        // Rounding can push h a hair above 1 for antipodal points, where asin would be NaN.
        return 2 * EarthRadiusMeters * Math.Asin(Math.Sqrt(Math.Min(1, h)));
    }

    private static double ToRadians(double degrees) => degrees * (Math.PI / 180);
}
