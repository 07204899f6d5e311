namespace TransitDash.Feeds.Http;

/// <summary>Fetches a feed's bytes over HTTP (conditional GET, decompression, size cap) or from a
/// file or directory recording.</summary>
public interface IFeedClient
{
    /// <summary>Fetches one payload.</summary>
    /// <param name="request">What to fetch.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; a 304 is a response with <see cref="FeedResponse.NotModified"/> set.</returns>
    /// <exception cref="FeedException">The fetch failed; <see cref="FeedException.Kind"/> says how.</exception>
    Task<FeedResponse> GetAsync(FeedRequest request, CancellationToken cancellationToken = default);
}
