using System.Globalization;
using System.Text;
using TransitDash.Feeds.GtfsRealtime.Arrivals;

namespace TransitDash.Testing;

/// <summary>A config.yaml for a host playing <see cref="RecordedUpstream"/>, its clock at
/// <see cref="RecordedUpstream.Moment"/>. The defaults are a web host's under test: the FiDi board of the
/// repository's config.yaml, a few Citi Bike stations of the 2.3 capture (by id, by name in another case,
/// and around a point), and intervals short enough for a test; CONFIG.md's rules across fields hold for
/// them (the timeout is shorter than the poll interval, which is shorter than StaleAfter).</summary>
public sealed record RecordedConfig
{
    /// <summary>Every source's poll interval.</summary>
    public string PollInterval { get; init; } = "1s";

    /// <summary>Health's StaleAfter.</summary>
    public string StaleAfter { get; init; } = "3s";

    /// <summary>Health's ErrorAfter.</summary>
    public string ErrorAfter { get; init; } = "6s";

    /// <summary>Resilience's AttemptTimeout.</summary>
    public string AttemptTimeout { get; init; } = "500ms";

    /// <summary>Resilience's BreakerDuration, left to its default when null; short by default, so that a test's
    /// upstream recovering is seen within seconds once the breaker has opened.</summary>
    public string? BreakerDuration { get; init; } = "2s";

    /// <summary>Resilience's Retries, left to its default when null.</summary>
    public int? Retries { get; init; }

    /// <summary>The board's subway stations.</summary>
    public IReadOnlyList<SubwayStation> SubwayStations { get; init; } = TestStations.FiDiBoard;

    /// <summary>The Citi Bike stations, each a YAML entry of <c>Citibike:Stations</c> (<c>Id: ...</c> or <c>Name: ...</c>).</summary>
    public IReadOnlyList<string> CitibikeStations { get; init; } =
    [
        "Id: 66dc120f-0aca-11e7-82f6-3863bb44ef7c",
        "Name: \"broadway & e 21 st\"",
        "Name: \"W 17 St & 7 Ave\"",
    ];

    /// <summary>Citibike:Near, around W 21 St &amp; 6 Ave by default.</summary>
    public (double Lat, double Lon, int RadiusM) CitibikeNear { get; init; } = (40.74173969, -73.99415556, 300);

    /// <summary>More lines under <c>TransitDash:</c>, indented by the caller.</summary>
    public string? ExtraLines { get; init; }

    /// <summary>The config.yaml text.</summary>
    /// <param name="upstream">The server it points at.</param>
    /// <returns>The YAML.</returns>
    public string ToYaml(RecordedUpstream upstream)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        var yaml = new StringBuilder();
        yaml.AppendLine("TransitDash:");
        yaml.AppendLine("  Subway:");
        yaml.AppendLine($"    PollInterval: {PollInterval}");
        yaml.AppendLine("    Feeds:");
        foreach (var (name, _) in RecordedUpstream.SubwayFeeds)
        {
            yaml.AppendLine($"      - Name: \"{name}\"");
            yaml.AppendLine($"        Url: {upstream.SubwayUrl(name)}");
        }

        yaml.AppendLine("    Stations:");
        foreach (var station in SubwayStations)
        {
            yaml.AppendLine($"      - Name: {station.Name}");
            yaml.AppendLine($"        StopIds: [{string.Join(", ", station.StopIds.Select(s => $"\"{s}\""))}]");
        }

        yaml.AppendLine("  Alerts:");
        yaml.AppendLine($"    PollInterval: {PollInterval}");
        yaml.AppendLine($"    Url: {upstream.AlertsUrl}");
        yaml.AppendLine("  Citibike:");
        yaml.AppendLine($"    PollInterval: {PollInterval}");
        yaml.AppendLine($"    DiscoveryUrl: {upstream.DiscoveryUrl}");
        yaml.AppendLine("    Stations:");
        foreach (var station in CitibikeStations)
        {
            yaml.AppendLine($"      - {station}");
        }

        yaml.AppendLine("    Near:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"      Lat: {CitibikeNear.Lat}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"      Lon: {CitibikeNear.Lon}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"      RadiusM: {CitibikeNear.RadiusM}");
        yaml.AppendLine("  Health:");
        yaml.AppendLine($"    StaleAfter: {StaleAfter}");
        yaml.AppendLine($"    ErrorAfter: {ErrorAfter}");
        yaml.AppendLine("  Resilience:");
        yaml.AppendLine($"    AttemptTimeout: {AttemptTimeout}");
        if (BreakerDuration is not null)
        {
            yaml.AppendLine($"    BreakerDuration: {BreakerDuration}");
        }

        if (Retries is { } retries)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    Retries: {retries}");
        }

        // Every feed is on this one loopback host: the default 10 requests a second would space a poll's requests out.
        yaml.AppendLine("    MaxRequestsPerSecond: 1000");
        yaml.AppendLine($"  ClockStart: \"{RecordedUpstream.Moment.UtcDateTime:O}\"");
        if (ExtraLines is not null)
        {
            yaml.AppendLine(ExtraLines);
        }

        return yaml.ToString();
    }

    /// <summary>Writes <c>config.yaml</c> into a folder.</summary>
    /// <param name="folder">Where to write it.</param>
    /// <param name="upstream">The server it points at.</param>
    /// <returns>The file's full path.</returns>
    public string Write(string folder, RecordedUpstream upstream)
    {
        var path = Path.Combine(folder, "config.yaml");
        File.WriteAllText(path, ToYaml(upstream));
        return path;
    }
}
