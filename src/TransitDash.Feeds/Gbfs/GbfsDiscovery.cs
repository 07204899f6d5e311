namespace TransitDash.Feeds.Gbfs;

/// <summary>A parsed <c>gbfs.json</c> discovery document.</summary>
/// <param name="Version">The GBFS version (for example <c>2.3</c>); <c>1.1</c> when the document omits it.</param>
/// <param name="LastUpdated">The document's <c>last_updated</c>; null when absent.</param>
/// <param name="Ttl">The document's <c>ttl</c> in seconds; null when absent.</param>
/// <param name="Languages">The languages the document lists feeds for (empty for 3.0, which has none).</param>
/// <param name="Feeds">The feeds for the chosen language (or the only list, in 3.0), by name.</param>
public sealed record GbfsDiscovery(
    string Version,
    DateTimeOffset? LastUpdated,
    int? Ttl,
    IReadOnlyList<string> Languages,
    IReadOnlyDictionary<string, Uri> Feeds);
