using System.Threading.RateLimiting;
using TransitDash.Feeds.Http;

namespace TransitDash.Resilience;

/// <summary>The feed byte client as AddTransitDash() registers it: the client it wraps, each request first waiting
/// its turn at its host's rate limiter, and every request made inside a feed's try written to that try's
/// <see cref="RequestLog"/>.</summary>
/// <remarks>The limit sits here rather than in the HTTP handler so that the wait happens before the request is
/// timed: the try's attempt clock stands still while its requests queue for their host.</remarks>
internal sealed class ObservedFeedClient(IFeedClient inner, HostRateLimiters limiters, TimeProvider timeProvider) : IFeedClient
{
    public async Task<FeedResponse> GetAsync(FeedRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var log = RequestLog.Current;
        using var lease = await WaitTurnAsync(request, log, cancellationToken).ConfigureAwait(false);
        if (log is null)
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

    /// <summary>Waits until the request's host may be asked again; requests wait in order and are never refused.</summary>
    private async ValueTask<RateLimitLease?> WaitTurnAsync(FeedRequest request, RequestLog? log, CancellationToken cancellationToken)
    {
        if (!limiters.TryGet(request.Url, out var limiter))
        {
            return null;
        }

        var lease = limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        log?.Clock.Pause();
        try
        {
            return await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            log?.Clock.Resume();
        }
    }
}
