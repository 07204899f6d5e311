using System.Text.Json;

namespace TransitDash.Simulator;

/// <summary>A simulated bike share system in GBFS 2.3: the configured stations plus a few others around
/// the configured point, whose bikes are taken and returned minute by minute.</summary>
internal sealed class BikeSystem
{
    private static readonly string[] NearbyNames =
    [
        "Broad St & Exchange Pl", "Pearl St & Hanover Sq", "William St & Pine St", "Water St & Old Slip",
        "Beaver St & New St", "Liberty St & Broadway", "Maiden Ln & Pearl St", "South St & Whitehall St",
    ];

    private static readonly string[] FeedNames = ["station_information", "station_status", "vehicle_types"];

    private readonly Station[] stations;

    public BikeSystem(DemoScenario scenario)
    {
        var random = new Random(scenario.Seed);
        var list = new List<Station>();
        var (lat, lon, radius) = scenario.BikeArea;
        var spread = radius > 0 ? radius * 0.8 : 300;
        foreach (var (id, name) in scenario.BikeStations)
        {
            list.Add(NewStation(random, id ?? Guid.NewGuid().ToString(), name ?? $"Station {id}", lat, lon, spread));
        }

        foreach (var name in NearbyNames.Take(6))
        {
            if (list.All(s => !string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                list.Add(NewStation(random, StableId(name), name, lat, lon, spread));
            }
        }

        stations = [.. list];
    }

    public static byte[] Discovery(Uri baseUri, DateTimeOffset now) => Write(now, w =>
    {
        w.WriteStartObject("en");
        w.WriteStartArray("feeds");
        foreach (var feed in FeedNames)
        {
            w.WriteStartObject();
            w.WriteString("name", feed);
            w.WriteString("url", new Uri(baseUri, $"gbfs/en/{feed}.json").AbsoluteUri);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static byte[] VehicleTypes(DateTimeOffset now) => Write(now, w =>
    {
        w.WriteStartArray("vehicle_types");
        foreach (var (id, propulsion, name) in new[] { ("1", "human", "Classic bike"), ("2", "electric_assist", "E-bike") })
        {
            w.WriteStartObject();
            w.WriteString("vehicle_type_id", id);
            w.WriteString("form_factor", "bicycle");
            w.WriteString("propulsion_type", propulsion);
            w.WriteString("name", name);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    public byte[] StationInformation(DateTimeOffset now) => Write(now, w =>
    {
        w.WriteStartArray("stations");
        foreach (var s in stations)
        {
            w.WriteStartObject();
            w.WriteString("station_id", s.Id);
            w.WriteString("name", s.Name);
            w.WriteNumber("lat", Math.Round(s.Latitude, 6));
            w.WriteNumber("lon", Math.Round(s.Longitude, 6));
            w.WriteNumber("capacity", s.Capacity);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    public byte[] StationStatus(DateTimeOffset now) => Write(now, w =>
    {
        var minute = now.ToUnixTimeSeconds() / 60;
        w.WriteStartArray("stations");
        for (var i = 0; i < stations.Length; i++)
        {
            var s = stations[i];

            // Bikes drift with the minute: a slow tide plus a per-minute wobble, always within capacity.
            var tide = (Math.Sin((minute + (i * 17)) / 23.0) + 1) / 2;
            var wobble = Hash(i, minute) % 3 - 1;
            var bikes = Math.Clamp((int)Math.Round(tide * s.Capacity * 0.9) + (int)wobble, 0, s.Capacity);
            var ebikes = Math.Min(bikes, (int)(Hash(i, minute / 5) % 4));
            var disabled = Hash(i, minute / 30) % 7 == 0 ? 1 : 0;
            var docks = Math.Max(0, s.Capacity - bikes - disabled);
            w.WriteStartObject();
            w.WriteString("station_id", s.Id);
            w.WriteNumber("num_bikes_available", bikes);
            w.WriteNumber("num_ebikes_available", ebikes);
            w.WriteNumber("num_bikes_disabled", disabled);
            w.WriteNumber("num_docks_available", docks);
            w.WriteNumber("num_docks_disabled", 0);
            w.WriteBoolean("is_installed", true);
            w.WriteBoolean("is_renting", true);
            w.WriteBoolean("is_returning", true);
            w.WriteNumber("last_reported", now.ToUnixTimeSeconds() - (long)(Hash(i, minute) % 90));
            w.WriteStartArray("vehicle_types_available");
            WriteCount(w, "1", bikes - ebikes);
            WriteCount(w, "2", ebikes);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static void WriteCount(Utf8JsonWriter w, string id, int count)
    {
        w.WriteStartObject();
        w.WriteString("vehicle_type_id", id);
        w.WriteNumber("count", count);
        w.WriteEndObject();
    }

    private static byte[] Write(DateTimeOffset now, Action<Utf8JsonWriter> data)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("last_updated", now.ToUnixTimeSeconds());
            w.WriteNumber("ttl", 60);
            w.WriteString("version", "2.3");
            w.WriteStartObject("data");
            data(w);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static Station NewStation(Random random, string id, string name, double lat, double lon, double spreadMeters)
    {
        var distance = spreadMeters * Math.Sqrt(random.NextDouble());
        var bearing = random.NextDouble() * 2 * Math.PI;
        var dLat = distance * Math.Cos(bearing) / 111_195.0;
        var dLon = distance * Math.Sin(bearing) / (111_195.0 * Math.Cos(lat * Math.PI / 180));
        return new Station(id, name, lat + dLat, lon + dLon, random.Next(15, 48));
    }

    private static string StableId(string name) =>
        new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)).AsSpan(0, 16)).ToString();

    private static ulong Hash(long a, long b)
    {
        var x = unchecked(((ulong)a * 0x9E3779B97F4A7C15UL) ^ (ulong)b);
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        return x;
    }

    private sealed record Station(string Id, string Name, double Latitude, double Longitude, int Capacity);
}
