using System.Threading.RateLimiting;

namespace TransitDash.Resilience;

/// <summary>The rate limiter of one upstream host (host:port): requests are spaced evenly at the configured
/// rate and wait their turn in order; none is ever refused.</summary>
internal static class HostRateLimiter
{
    // Below this spacing the limiter's timer would tick too often: tokens are handed out in small batches instead.
    private static readonly TimeSpan ShortestPeriod = TimeSpan.FromMilliseconds(10);

    public static RateLimiter Create(double requestsPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerSecond);
        var spacing = TimeSpan.FromSeconds(1 / requestsPerSecond);
        var period = spacing < ShortestPeriod ? ShortestPeriod : spacing;
        var tokens = (int)Math.Max(1, Math.Floor(requestsPerSecond * period.TotalSeconds));

        // A bucket no larger than one period's tokens: a quiet host saves up no burst.
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokens,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            AutoReplenishment = true,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }
}
