using System.Collections.Concurrent;

namespace TransitDash.Hosting.Rendering;

/// <summary>Serialized bodies of the data endpoints, keyed by (endpoint, snapshot version, query,
/// second): a body is built at most once per key, and compressed at most once per key and coding
/// (<see cref="CachedBody.For"/>); every other request in that second is a lookup, an ETag compare and a
/// copy. Bounded: keys of past seconds are swept as new seconds arrive.</summary>
public sealed class ResponseCache
{
    private const int MaxEntries = 1024;

    private readonly ConcurrentDictionary<(string Endpoint, long Version, string Query, long Second), CachedBody> entries = new();
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
            return cached;
        }

        // Two racing requests may both build; the bodies are equal, and one wins.
        var built = build(state);
        return entries.Count < MaxEntries ? entries.GetOrAdd(key, built) : built;
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
