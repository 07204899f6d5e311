using System.Collections.Concurrent;

namespace TransitDash.Hosting.Rendering;

/// <summary>Serialized bodies of the data endpoints, keyed by (endpoint, snapshot version, query,
/// second): a body is built at most once per key, and compressed at most once per key and coding
/// (<see cref="CachedBody.For"/>); every other request in that second is a lookup, an ETag compare and a
/// copy. Bounded: keys of past seconds are swept as new seconds arrive.</summary>
public sealed class ResponseCache
{
    private const int MaxEntries = 1024;

    private readonly ConcurrentDictionary<(string Endpoint, long Version, string Query, long Second), Lazy<CachedBody>> entries = new();
    private long sweptSecond;

    /// <summary>The body under a key, built by <paramref name="build"/> from <paramref name="state"/> when the
    /// key is new. A hit allocates nothing: callers pass a static lambda and its state rather than a closure.</summary>
    public CachedBody GetOrAdd<TState>(string endpoint, long version, string query, long second, Func<TState, CachedBody> build, TState state)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (second != Interlocked.Read(ref sweptSecond))
        {
            Sweep(second);
        }

        var key = (endpoint, version, query, second);
        if (entries.TryGetValue(key, out var cached))
        {
            return cached.Value;
        }

        if (entries.Count >= MaxEntries)
        {
            return build(state);
        }

        // Requests racing on a new key share one build: the first to publish its Lazy builds, the others wait for
        // it. A Lazy that lost the race is never evaluated.
        var entry = entries.GetOrAdd(key, static (_, arg) => new Lazy<CachedBody>(() => arg.build(arg.state), LazyThreadSafetyMode.ExecutionAndPublication), (build, state));
        try
        {
            return entry.Value;
        }
        catch
        {
            // A build that failed is not kept: the next request tries again.
            entries.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    private void Sweep(long second)
    {
        Interlocked.Exchange(ref sweptSecond, second);
        foreach (var key in entries.Keys)
        {
            if (key.Second < second)
            {
                entries.TryRemove(key, out _);
            }
        }
    }
}
