namespace TransitDash.Feeds.Http;

/// <summary>A GBFS system to fetch, by its discovery document.</summary>
/// <param name="Name">The configured name, for example <c>citibike</c>.</param>
/// <param name="DiscoveryUrl">The <c>gbfs.json</c> URL, a <c>file://</c> URL or a local path. From a file, each listed feed is read from the file of the same name in the same folder. A folder holding no <c>gbfs.json</c> but subfolders is a recording of snapshots (one subfolder per fetch, names sorting in time order): each fetch plays the next one, and a document a snapshot lacks comes from the latest earlier snapshot that has it.</param>
public sealed record GbfsSource(string Name, string DiscoveryUrl)
{
    /// <summary>The preferred language of the discovery document's feed lists and of 3.0 names.</summary>
    /// <value>Defaults to <c>en</c>.</value>
    public string Language { get; init; } = "en";

    /// <summary>Sent as <c>x-api-key</c> when not empty.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The largest body accepted per document.</summary>
    /// <value>Defaults to 16 MiB.</value>
    public long MaxResponseBytes { get; init; } = 16 * 1024 * 1024;
}
