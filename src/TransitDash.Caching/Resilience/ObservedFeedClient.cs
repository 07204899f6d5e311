using TransitDash.Feeds.Http;

namespace TransitDash.Resilience;

/// <summary>The feed byte client as AddTransitDash() registers it: the client it wraps, with every request made
/// inside a feed's try written to that try's <see cref="RequestLog"/>.</summary>
internal sealed class ObservedFeedClient(IFeedClient inner, TimeProvider timeProvider) : IFeedClient
{
    public async Task<FeedResponse> GetAsync(FeedRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (RequestLog.Current is not { } log)
        {
            return await inner.GetAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var started = timeProvider.GetTimestamp();
        try
        {
            var response = await inner.GetAsync(request, cancellationToken).ConfigureAwait(false);
            log.Completed(response);
            return response;
        }
        catch (Exception exception)
        {
            log.Failed(request, exception, timeProvider.GetElapsedTime(started));
            throw;
        }
    }
}
