using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using TransitDash.ConsoleHost.Hosting;

namespace TransitDash.ConsoleHost.Recording;

/// <summary>What <c>replay DIR</c> does to the configuration: each source the recording holds reads from
/// it (subway feeds from <c>subway/&lt;feed&gt;/</c>, alerts from <c>alerts/</c>, GBFS from the snapshots
/// of <c>citibike/</c>), the sources it lacks are off (a replay never reaches the network), and the clock
/// starts at the first payload's response time, read from the sidecars.</summary>
/// <param name="Directory">The recording's full path.</param>
/// <param name="SubwayFeeds">The recorded subway feeds.</param>
/// <param name="Alerts">Whether alerts were recorded.</param>
/// <param name="Citibike">Whether the GBFS system was recorded.</param>
/// <param name="Start">The first payload's response time; null when no sidecar says.</param>
internal sealed record ReplayPlan(string Directory, IReadOnlyList<string> SubwayFeeds, bool Alerts, bool Citibike, DateTimeOffset? Start)
{
    /// <summary>Reads a recording's folder.</summary>
    /// <exception cref="ArgumentException">The folder does not exist or holds no recording.</exception>
    public static ReplayPlan Read(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
        {
            throw new ArgumentException($"the recording folder '{full}' does not exist");
        }

        var subway = Path.Combine(full, RecordingLayout.SubwayFolder);
        var feeds = System.IO.Directory.Exists(subway)
            ? System.IO.Directory.EnumerateDirectories(subway).Select(Path.GetFileName).OfType<string>()
                .Where(n => !n.StartsWith('.')).Select(RecordingLayout.FeedName).Order(StringComparer.Ordinal).ToArray()
            : [];
        var alerts = HasPayloads(Path.Combine(full, RecordingLayout.AlertsFolder));
        var citibike = System.IO.Directory.Exists(Path.Combine(full, RecordingLayout.CitibikeFolder));
        if (feeds.Length == 0 && !alerts && !citibike)
        {
            throw new ArgumentException($"'{full}' holds no recording (no {RecordingLayout.SubwayFolder}/, {RecordingLayout.AlertsFolder}/ or {RecordingLayout.CitibikeFolder}/ folder); make one with: record --out {directory}");
        }

        return new ReplayPlan(full, feeds, alerts, citibike, FirstResponseTime(full));
    }

    /// <summary>Points the configuration at the recording.</summary>
    public void Apply(ConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var removed = new List<string>();
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (SubwayFeeds.Count == 0)
        {
            removed.Add("TransitDash:Subway");
        }
        else
        {
            removed.Add("TransitDash:Subway:Feeds");

            // Configured order first: when two feeds list the same train, the first feed's entry is kept.
            var configured = ConfigurationEdits.SubwayFeedNames(configuration);
            var ordered = configured.Where(SubwayFeeds.Contains).Concat(SubwayFeeds.Where(f => !configured.Contains(f))).ToArray();
            for (var i = 0; i < ordered.Length; i++)
            {
                overrides[$"TransitDash:Subway:Feeds:{i}:Name"] = ordered[i];
                overrides[$"TransitDash:Subway:Feeds:{i}:Url"] = Path.Combine(Directory, RecordingLayout.SubwayFolder, RecordingLayout.FeedFolder(ordered[i]));
            }
        }

        if (Alerts)
        {
            overrides["TransitDash:Alerts:Url"] = Path.Combine(Directory, RecordingLayout.AlertsFolder);
        }
        else
        {
            removed.Add("TransitDash:Alerts");
        }

        if (Citibike)
        {
            overrides["TransitDash:Citibike:DiscoveryUrl"] = Path.Combine(Directory, RecordingLayout.CitibikeFolder);
        }
        else
        {
            removed.Add("TransitDash:Citibike");
        }

        if (Start is { } start)
        {
            overrides["TransitDash:ClockStart"] = start.ToString("O", CultureInfo.InvariantCulture);
        }

        ConfigurationEdits.Apply(configuration, removed, overrides);
    }

    private static bool HasPayloads(string folder) =>
        System.IO.Directory.Exists(folder) && System.IO.Directory.EnumerateFiles(folder).Any(RecordingLayout.IsPayload);

    private static DateTimeOffset? FirstResponseTime(string directory)
    {
        DateTimeOffset? first = null;
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*" + RecordingLayout.SidecarSuffix, SearchOption.AllDirectories))
        {
            try
            {
                var sidecar = JsonSerializer.Deserialize(File.ReadAllBytes(file), RecordingJsonContext.Default.PayloadSidecar);
                if (sidecar is not null && (first is null || sidecar.ReceivedAt < first))
                {
                    first = sidecar.ReceivedAt;
                }
            }
            catch (JsonException e)
            {
                throw new ArgumentException($"the sidecar '{file}' is not a recording's metadata: {e.Message}", e);
            }
        }

        return first;
    }
}
