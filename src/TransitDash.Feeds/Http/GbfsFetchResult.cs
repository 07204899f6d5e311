using TransitDash.Feeds.Gbfs;

namespace TransitDash.Feeds.Http;

/// <summary>The result of fetching a GBFS system.</summary>
/// <param name="System">The joined system; null when nothing changed since the last fetch.</param>
/// <param name="Responses">The responses of this fetch (discovery when it was read, then each feed).</param>
public sealed record GbfsFetchResult(GbfsSystem? System, IReadOnlyList<FeedResponse> Responses)
{
    /// <summary>True when every document answered "not modified" and nothing was parsed.</summary>
    public bool NotModified => System is null;
}
