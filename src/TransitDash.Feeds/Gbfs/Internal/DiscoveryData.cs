using System.Text.Json.Serialization;

namespace TransitDash.Feeds.Gbfs.Internal;

/// <summary><c>data</c> of <c>gbfs.json</c>: either 3.0's <c>feeds</c> or 1.1/2.x's one object per language.</summary>
[JsonConverter(typeof(DiscoveryDataConverter))]
internal sealed class DiscoveryData
{
    /// <summary>3.0's <c>data.feeds</c>; null in 1.1/2.x.</summary>
    public List<DiscoveryFeedWire?>? Feeds { get; set; }

    /// <summary>1.1/2.x's <c>data.{lang}.feeds</c>, in document order.</summary>
    public List<KeyValuePair<string, List<DiscoveryFeedWire?>>> Languages { get; } = [];
}
