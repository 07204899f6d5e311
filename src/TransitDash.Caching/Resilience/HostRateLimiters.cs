using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace TransitDash.Resilience;

/// <summary>One <see cref="HostRateLimiter"/> per upstream host (host:port), made when the host is first asked.</summary>
internal sealed class HostRateLimiters(double requestsPerSecond) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<RateLimiter>> _limiters = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The limiter of the host <paramref name="url"/> names; false for a URL that is not http(s), which
    /// asks no host (a file being replayed).</summary>
    public bool TryGet(string url, out RateLimiter limiter)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            limiter = null!;
            return false;
        }

        var authority = $"{uri.IdnHost}:{uri.Port}";
        limiter = _limiters.GetOrAdd(authority, _ => new Lazy<RateLimiter>(() => HostRateLimiter.Create(requestsPerSecond))).Value;
        return true;
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            if (limiter.IsValueCreated)
            {
                limiter.Value.Dispose();
            }
        }
    }
}
