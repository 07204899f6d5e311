namespace TransitDash.Feeds.Gbfs.Internal;

/// <summary>A 1.1/2.x discovery language object: <c>data.{lang}</c>.</summary>
internal sealed class DiscoveryLanguageWire
{
    public List<DiscoveryFeedWire?>? Feeds { get; init; }
}
