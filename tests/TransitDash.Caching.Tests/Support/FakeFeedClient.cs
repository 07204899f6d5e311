using TransitDash.Feeds;
using TransitDash.Feeds.Http;

namespace TransitDash.Caching.Tests.Support;

/// <summary>A byte client that is never expected to be called unless a test says so.</summary>
internal sealed class FakeFeedClient : IFeedClient
{
    public Func<FeedRequest, FeedResponse>? Handler { get; set; }

    public Task<FeedResponse> GetAsync(FeedRequest request, CancellationToken cancellationToken = default) =>
        Handler is { } handler
            ? Task.FromResult(handler(request))
            : Task.FromException<FeedResponse>(new FeedConnectionException(request.FeedName, FeedErrorKind.Connection, "no upstream in this test"));
}
