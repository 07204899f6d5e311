using System.Text;

namespace TransitDash.Web.Tests.Support;

/// <summary>A config.yaml for a host playing <see cref="RecordedUpstream"/>: the FiDi stations of the
/// repository's config.yaml, a few Citi Bike stations of the 2.3 capture (by id, by name in another case,
/// and around a point), and intervals short enough for a test. CONFIG.md's rules across fields hold for
/// the defaults: the timeout is shorter than the poll interval, which is shorter than StaleAfter.</summary>
internal sealed record HostConfig
{
    /// <summary>2019-09-15 00:01:20Z, seconds after the last of the 2019 subway captures.</summary>
    public const long ClockStartSeconds = 1568505680;

    public string PollInterval { get; init; } = "1s";

    public string StaleAfter { get; init; } = "3s";

    public string ErrorAfter { get; init; } = "6s";

    public string AttemptTimeout { get; init; } = "500ms";

    /// <summary>Short, so that a test's upstream recovering is seen within seconds once the breaker has opened.</summary>
    public string BreakerDuration { get; init; } = "2s";

    public static DateTimeOffset ClockStart => DateTimeOffset.FromUnixTimeSeconds(ClockStartSeconds);

    public string ToYaml(RecordedUpstream upstream)
    {
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

        yaml.AppendLine("""
                Stations:
                  - Name: Wall St
                    StopIds: ["419", "230"]
                  - Name: Broad St
                    StopIds: ["M23"]
                  - Name: Rector St
                    StopIds: ["139", "R26"]
                  - Name: South Ferry
                    StopIds: ["142"]
                  - Name: Whitehall St
                    StopIds: ["R27"]
                  - Name: Bowling Green
                    StopIds: ["420"]
            """);
        yaml.AppendLine("  Alerts:");
        yaml.AppendLine($"    PollInterval: {PollInterval}");
        yaml.AppendLine($"    Url: {upstream.AlertsUrl}");

        yaml.AppendLine("  Citibike:");
        yaml.AppendLine($"    PollInterval: {PollInterval}");
        yaml.AppendLine($"    DiscoveryUrl: {upstream.DiscoveryUrl}");
        yaml.AppendLine($"""
                Stations:
                  - Id: {ExpectedDock.W21StAnd6Ave}
                  - Name: "broadway & e 21 st"
                  - Name: "W 17 St & 7 Ave"
                Near:
                  Lat: 40.74173969
                  Lon: -73.99415556
                  RadiusM: 300
              Health:
                StaleAfter: {StaleAfter}
                ErrorAfter: {ErrorAfter}
              Resilience:
                AttemptTimeout: {AttemptTimeout}
                BreakerDuration: {BreakerDuration}
                MaxRequestsPerSecond: 1000
              ClockStart: "{ClockStart.UtcDateTime:O}"
            """);
        return yaml.ToString();
    }
}
