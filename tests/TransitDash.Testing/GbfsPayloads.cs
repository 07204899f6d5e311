using System.Text;
using System.Text.Json.Nodes;

namespace TransitDash.Testing;

/// <summary>GBFS payloads made from recordings, for tests that need a later moment that differs.</summary>
public static class GbfsPayloads
{
    /// <summary>A station status document with every station's bikes taken (counts, e-bikes and
    /// vehicle type counts set to zero), everything else as recorded.</summary>
    /// <param name="stationStatus">A recorded <c>station_status.json</c>.</param>
    /// <returns>The edited document.</returns>
    public static byte[] WithEveryBikeTaken(byte[] stationStatus)
    {
        var document = JsonNode.Parse(stationStatus)!;
        foreach (var station in document["data"]!["stations"]!.AsArray())
        {
            station!["num_bikes_available"] = 0;
            station["num_ebikes_available"] = 0;
            foreach (var type in station["vehicle_types_available"]?.AsArray() ?? [])
            {
                type!["count"] = 0;
            }
        }

        return Encoding.UTF8.GetBytes(document.ToJsonString());
    }
}
