using System.Collections.Concurrent;
using System.Text;

namespace TransitDash.Feeds.GtfsRealtime.Arrivals.Internal;

/// <summary>One string per distinct value for members with few values (route ids, start dates, tracks), so
/// each arrival does not carry its own copy. Bounded: past <see cref="Capacity"/> values it stops keeping
/// new ones and simply makes strings. Safe to use from several threads.</summary>
internal sealed class Utf8StringCache
{
    /// <summary>How many values are kept at most.</summary>
    public const int Capacity = 1024;

    private const int StackLimit = 64;

    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byChars;
    private int _count;

    public Utf8StringCache() => _byChars = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The string for some UTF-8 bytes (already checked to be valid).</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > StackLimit)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[StackLimit];
        var value = chars[..StopLookup.Widen(utf8, chars)];
        if (_byChars.TryGetValue(value, out var known))
        {
            return known;
        }

        var made = new string(value);
        if (Volatile.Read(ref _count) < Capacity && _strings.TryAdd(made, made))
        {
            Interlocked.Increment(ref _count);
        }

        return made;
    }
}
