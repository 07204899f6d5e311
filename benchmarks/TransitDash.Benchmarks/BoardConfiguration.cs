using Microsoft.Extensions.Configuration;
using TransitDash.Feeds.Gbfs;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Hosting;
using TransitDash.Hosting.Yaml;

namespace TransitDash.Benchmarks;

/// <summary>The board the sample hosts show: the repository's <c>config.yaml</c> (or the file named), read as
/// the hosts read it, so the benchmarks render and poll what a real host would.</summary>
internal sealed class BoardConfiguration
{
    private BoardConfiguration(IConfiguration configuration) => Configuration = configuration;

    /// <summary>The configuration.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>The configured subway stations, with their names.</summary>
    public SubwayStation[] SubwayStations =>
        [.. DemoMode.Scenario(Configuration).SubwayStations.Select(s => new SubwayStation(s.Name, s.StopIds))];

    /// <summary>The configured Citi Bike stations and circle.</summary>
    public BikeStationSelection BikeStations
    {
        get
        {
            var scenario = DemoMode.Scenario(Configuration);
            var (lat, lon, radius) = scenario.BikeArea;
            return new BikeStationSelection(
                [.. scenario.BikeStations.Select(s => new BikeStationReference(s.Id, s.Name))],
                radius > 0 ? new GeoCircle(lat, lon, radius) : null);
        }
    }

    /// <summary>Reads the file: the one named, else config.yaml in the working directory or at the repository root.</summary>
    public static BoardConfiguration Read(string? path = null) => new(new ConfigurationBuilder()
        .AddYamlFile(ConfigFile.Locate(path, Environment.CurrentDirectory), optional: false)
        .Build());
}
