using System.Globalization;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Testing;

namespace TransitDash.ConsoleHost.Tests.Support;

/// <summary>The config.yaml a console run against <see cref="RecordedUpstream"/> uses: the FiDi stations and
/// Times Sq, one Citi Bike station by name and those 600 m around it, health thresholds far above the poll
/// interval (a one-shot run never sees data go stale), no retries (a fault shows in one attempt), and any
/// origin allowed, for the web host some tests start beside it.</summary>
internal static class ConsoleConfig
{
    private static readonly IReadOnlyList<SubwayStation> Stations = [.. TestStations.FiDiBoard, new("Times Sq", ["127", "725", "R16"])];

    /// <summary>Writes config.yaml.</summary>
    /// <param name="upstream">The server it points at.</param>
    /// <param name="folder">Where to write it.</param>
    /// <param name="pollInterval">Every source's interval; one poll per run unless it is short.</param>
    /// <param name="extraLines">Appended under <c>TransitDash:</c>, indented by the caller.</param>
    public static string Write(RecordedUpstream upstream, string folder, TimeSpan pollInterval, string? extraLines = null)
    {
        var poll = ((int)pollInterval.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
        var config = new RecordedConfig
        {
            PollInterval = poll,
            StaleAfter = "30m",
            ErrorAfter = "60m",
            AttemptTimeout = pollInterval < TimeSpan.FromSeconds(10) ? poll : "10s",
            BreakerDuration = null,
            Retries = 0,
            SubwayStations = Stations,
            CitibikeStations = ["Name: W 21 St & 6 Ave"],
            CitibikeNear = (40.7417, -73.9941, 600),
            ExtraLines = "  Web:\n    CorsOrigins: [\"*\"]" + (extraLines is null ? string.Empty : "\n" + extraLines),
        };
        return config.Write(folder, upstream);
    }
}
