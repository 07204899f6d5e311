using TransitDash.Feeds.Gbfs.Internal;

namespace TransitDash.Feeds.Gbfs;

/// <summary>Selects the configured stations of a <see cref="GbfsSystem"/> and computes their dock status.</summary>
/// <remarks>The rules are those of <c>/api/citibike</c>: e-bikes are <c>num_ebikes_available</c>, else the
/// counts of electric bicycle types (never scooters); classic bikes are <c>num_bikes_available</c> minus
/// e-bikes, else the counts of human-powered bicycle types, else the vehicle total minus e-bikes; no count is
/// negative; percent full is rounded half away from zero and clamped to 0..100. Stations by id (exact) or, when
/// a reference has no id, by name (exact, case-insensitive) come first in configured order, then those within
/// <see cref="BikeStationSelection.Near"/> (haversine distance, boundary included) nearest first; each once.</remarks>
public static class DockStatusProjector
{
    /// <summary>Projects the selection.</summary>
    /// <param name="system">The joined system.</param>
    /// <param name="selection">Which stations to report.</param>
    /// <returns>The statuses and the stations that could not be found.</returns>
    public static DockStatusProjection Project(GbfsSystem system, BikeStationSelection selection)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(selection);

        var byId = new Dictionary<string, BikeStation>(system.Stations.Count, StringComparer.Ordinal);
        var byName = new Dictionary<string, BikeStation>(system.Stations.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var station in system.Stations)
        {
            byId.TryAdd(station.StationId, station);
            byName.TryAdd(station.Name, station);
        }

        var chosen = new List<BikeStation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var reference in selection.Stations ?? [])
        {
            // A reference with neither id nor name names nothing; options validation reports it.
            var (key, lookup) = !string.IsNullOrEmpty(reference?.Id) ? (reference.Id, byId)
                : !string.IsNullOrEmpty(reference?.Name) ? (reference.Name, byName)
                : (null, null);
            if (key is null)
            {
                continue;
            }

            if (!lookup!.TryGetValue(key, out var station))
            {
                if (!missing.Contains(key, StringComparer.Ordinal))
                {
                    missing.Add(key);
                }
            }
            else if (seen.Add(station.StationId))
            {
                chosen.Add(station);
            }
        }

        var near = selection.Near;
        double? Distance(BikeStation station) => near is null
            ? null
            : near.DistanceTo(station.Latitude, station.Longitude);

        if (near is not null)
        {
            // OrderBy is stable: stations at the same distance keep document order.
            var nearby = system.Stations
                .Select(station => (Station: station, Distance: Distance(station)!.Value))
                .Where(candidate => candidate.Distance <= near.RadiusMeters)
                .OrderBy(candidate => candidate.Distance);
            foreach (var (station, _) in nearby)
            {
                if (seen.Add(station.StationId))
                {
                    chosen.Add(station);
                }
            }
        }

        var vehicleTypes = new Dictionary<string, GbfsVehicleType>(StringComparer.Ordinal);
        foreach (var type in system.VehicleTypes)
        {
            vehicleTypes.TryAdd(type.VehicleTypeId, type);
        }

        var statuses = new List<DockStatus>(chosen.Count);
        var withoutStatus = new List<string>();
        foreach (var station in chosen)
        {
            if (station.Status is null)
            {
                withoutStatus.Add(station.StationId);
            }
            else
            {
                statuses.Add(DockStatusRules.Compute(station, station.Status, vehicleTypes, Distance(station)));
            }
        }

        return new DockStatusProjection(statuses, missing, withoutStatus);
    }
}
