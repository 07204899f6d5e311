namespace TransitDash.Feeds.Gbfs.Internal;

/// <summary>One entry of a discovery document's <c>feeds</c>.</summary>
internal sealed class DiscoveryFeedWire
{
    public string? Name { get; init; }

    public string? Url { get; init; }
}
