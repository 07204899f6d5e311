namespace TransitDash.Options;

/// <summary>How each feed's requests are bounded, retried and limited. Every key is optional.</summary>
public sealed class ResilienceOptions
{
    /// <summary>The timeout of one HTTP attempt. Must not be longer than the shortest poll interval.</summary>
    /// <value>Defaults to 10 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Extra attempts after the first, never past the next poll tick.</summary>
    /// <value>Defaults to 2.</value>
    public int Retries { get; set; } = 2;

    /// <summary>The first backoff; it doubles with jitter up to <see cref="RetryMaxDelay"/>.</summary>
    /// <value>Defaults to 1 second.</value>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff.</summary>
    /// <value>Defaults to 10 seconds.</value>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Consecutive failed polls of a feed that open its circuit.</summary>
    /// <value>Defaults to 5.</value>
    public int BreakerFailures { get; set; } = 5;

    /// <summary>How long an open circuit stays open before one trial request.</summary>
    /// <value>Defaults to 60 seconds.</value>
    public TimeSpan BreakerDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Requests per second per upstream host (host:port); requests wait their turn, never fail.</summary>
    /// <value>Defaults to 10.</value>
    public double MaxRequestsPerSecond { get; set; } = 10;

    /// <summary>The largest response body accepted, after decompression.</summary>
    /// <value>Defaults to 16 MiB (16777216).</value>
    public long MaxResponseBytes { get; set; } = 16 * 1024 * 1024;
}
