using System.Globalization;

namespace TransitDash.ConsoleHost.Recording;

/// <summary>Where a recording keeps what: <c>subway/&lt;feed&gt;/&lt;time&gt;.pb</c>, <c>alerts/&lt;time&gt;.pb</c>
/// and <c>citibike/&lt;time&gt;/&lt;document&gt;.json</c> (a GBFS snapshot: the documents one fetch received,
/// under their own names), each payload with a <c>&lt;payload&gt;.meta.json</c> sidecar. Times are UTC
/// and written so that names sort in time order, which is the order a directory replays in.</summary>
internal static class RecordingLayout
{
    public const string SubwayFolder = "subway";
    public const string AlertsFolder = "alerts";
    public const string CitibikeFolder = "citibike";
    public const string SidecarSuffix = ".meta.json";
    public const string DiscoveryFileName = "gbfs.json";
    public const string ProtobufExtension = ".pb";

    private const string StampFormat = "yyyyMMdd'T'HHmmssfff'Z'";

    /// <summary>The name of a moment: <c>20190915T000121123Z</c>.</summary>
    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture);

    /// <summary>A feed's folder name: its name with path characters escaped, so any name is one folder.</summary>
    public static string FeedFolder(string feedName) => Uri.EscapeDataString(feedName);

    /// <summary>The feed name a folder was made for.</summary>
    public static string FeedName(string folderName) => Uri.UnescapeDataString(folderName);

    /// <summary>True for payload files (not sidecars, not the hidden files of a write in progress).</summary>
    public static bool IsPayload(string path)
    {
        var name = Path.GetFileName(path);
        return !name.StartsWith('.') && !name.EndsWith(SidecarSuffix, StringComparison.OrdinalIgnoreCase);
    }
}
