namespace TransitDash.Feeds.GtfsRealtime.Arrivals.Internal;

/// <summary>Growable buffers the wire pass fills, one set per thread and reused by every projection on it,
/// so a steady poll allocates nothing for them.</summary>
internal sealed class WireScratch
{
    [ThreadStatic]
    private static WireScratch? s_current;

    public WireTrip[] Trips = new WireTrip[64];
    public int TripCount;
    public WireStop[] Stops = new WireStop[256];
    public int StopCount;
    public WireVehicle[] Vehicles = new WireVehicle[256];
    public int VehicleCount;

    /// <summary>A copy of what was added, exactly sized and owned by the caller (not this thread's, which the
    /// next projection on it empties).</summary>
    public WireScratch Detach() => new()
    {
        Trips = Trips[..TripCount],
        TripCount = TripCount,
        Stops = Stops[..StopCount],
        StopCount = StopCount,
        Vehicles = Vehicles[..VehicleCount],
        VehicleCount = VehicleCount,
    };

    /// <summary>This thread's buffers, emptied.</summary>
    public static WireScratch Rent()
    {
        var scratch = s_current ??= new WireScratch();
        scratch.TripCount = scratch.StopCount = scratch.VehicleCount = 0;
        return scratch;
    }

    public void AddTrip(in WireTrip trip)
    {
        if (TripCount == Trips.Length)
        {
            Array.Resize(ref Trips, Trips.Length * 2);
        }

        Trips[TripCount++] = trip;
    }

    public void AddStop(in WireStop stop)
    {
        if (StopCount == Stops.Length)
        {
            Array.Resize(ref Stops, Stops.Length * 2);
        }

        Stops[StopCount++] = stop;
    }

    public void AddVehicle(in WireVehicle vehicle)
    {
        if (VehicleCount == Vehicles.Length)
        {
            Array.Resize(ref Vehicles, Vehicles.Length * 2);
        }

        Vehicles[VehicleCount++] = vehicle;
    }

    /// <summary>Forgets what was added after the marks (an entity turned out deleted, a trip cancelled).</summary>
    public void Truncate(int trips, int stops, int vehicles)
    {
        TripCount = trips;
        StopCount = stops;
        VehicleCount = vehicles;
    }
}
