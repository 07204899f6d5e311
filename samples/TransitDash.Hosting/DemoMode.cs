using System.Globalization;
using Microsoft.Extensions.Configuration;
using TransitDash.Simulator;

namespace TransitDash.Hosting;

/// <summary><c>--demo</c>: starts the simulated upstream for the configured stations and points every
/// feed at it, so the board runs with no network.</summary>
public static class DemoMode
{
    public static DemoScenario Scenario(IConfiguration configuration)
    {
        var subway = configuration.GetSection("TransitDash:Subway");
        var feeds = subway.GetSection("Feeds").GetChildren().Select(f => f["Name"]).OfType<string>().ToArray();
        var stations = subway.GetSection("Stations").GetChildren()
            .Select(s => (Name: s["Name"] ?? string.Empty, StopIds: (IReadOnlyList<string>)s.GetSection("StopIds").GetChildren().Select(c => c.Value).OfType<string>().ToArray()))
            .ToArray();
        var bikes = configuration.GetSection("TransitDash:Citibike");
        var bikeStations = bikes.GetSection("Stations").GetChildren().Select(s => (s["Id"], s["Name"])).ToArray();
        var near = bikes.GetSection("Near");
        return new DemoScenario
        {
            SubwayFeeds = feeds.Length > 0 ? feeds : ["1234567S"],
            SubwayStations = stations,
            BikeStations = bikeStations,
            BikeArea = (Number(near["Lat"], 40.7066), Number(near["Lon"], -74.0111), Number(near["RadiusM"], 400)),
        };
    }

    /// <summary>The configuration keys that point every feed at the demo upstream.</summary>
    public static Dictionary<string, string?> Overrides(IConfiguration configuration, DemoUpstream upstream, DemoScenario scenario)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!configuration.GetSection("TransitDash:Subway:Feeds").GetChildren().Any())
        {
            overrides["TransitDash:Subway:Feeds:0:Name"] = scenario.SubwayFeeds[0];
        }

        for (var i = 0; i < scenario.SubwayFeeds.Count; i++)
        {
            overrides[$"TransitDash:Subway:Feeds:{i}:Url"] = upstream.SubwayFeedUrl(scenario.SubwayFeeds[i]);
        }

        overrides["TransitDash:Subway:ApiKey"] = string.Empty;
        overrides["TransitDash:Alerts:Url"] = upstream.AlertsUrl;
        overrides["TransitDash:Citibike:DiscoveryUrl"] = upstream.GbfsDiscoveryUrl;
        overrides["TransitDash:ClockStart"] = string.Empty;

        // Every feed is on the in-process simulator, one host: a limit meant to spare a real upstream only
        // spaces the demo's requests out.
        overrides["TransitDash:Resilience:MaxRequestsPerSecond"] = "1000";
        return overrides;
    }

    private static double Number(string? text, double fallback) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
