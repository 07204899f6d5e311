using System.Text;

namespace TransitDash.Feeds.GtfsRealtime.Arrivals.Internal;

/// <summary>Matches a feed's stop id, still as UTF-8 bytes, against the configured stop ids without making a
/// string: most stop ids in a feed match nothing, and a length and first-byte test turns most of those
/// away before the dictionary is asked.</summary>
internal sealed class StopLookup
{
    // Longer ids are decoded on the heap; no real stop id comes near.
    private const int StackLimit = 128;

    private readonly Dictionary<string, StopMatch>.AlternateLookup<ReadOnlySpan<char>> _byChars;
    private readonly bool[] _firstBytes = new bool[256];
    private readonly int _minBytes = int.MaxValue;
    private readonly int _maxBytes;

    public StopLookup(Dictionary<string, StopMatch> stops)
    {
        _byChars = stops.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var stopId in stops.Keys)
        {
            // A valid UTF-8 id decodes to a string equal to a key exactly when its bytes equal the key's
            // UTF-8 encoding, so the encoding's length and first byte are safe filters.
            var bytes = Encoding.UTF8.GetBytes(stopId);
            if (bytes.Length == 0)
            {
                continue;
            }

            _minBytes = Math.Min(_minBytes, bytes.Length);
            _maxBytes = Math.Max(_maxBytes, bytes.Length);
            _firstBytes[bytes[0]] = true;
        }
    }

    /// <summary>Looks up a stop id (valid UTF-8).</summary>
    /// <param name="utf8">The stop id's bytes.</param>
    /// <param name="stopId">The configured key it equals.</param>
    /// <param name="match">What it matched.</param>
    /// <returns>True when the id is configured.</returns>
    public bool TryMatch(ReadOnlySpan<byte> utf8, out string stopId, out StopMatch match)
    {
        if (utf8.Length < _minBytes || utf8.Length > _maxBytes || !_firstBytes[utf8[0]])
        {
            stopId = string.Empty;
            match = default;
            return false;
        }

        if (utf8.Length > StackLimit)
        {
            return _byChars.TryGetValue(Encoding.UTF8.GetString(utf8), out stopId!, out match);
        }

        Span<char> chars = stackalloc char[StackLimit];
        var length = Widen(utf8, chars);
        return _byChars.TryGetValue(chars[..length], out stopId!, out match);
    }

    /// <summary>Decodes UTF-8 into chars, widening plain ASCII byte by byte (the usual case, and cheaper
    /// than the general decoder for a few bytes).</summary>
    /// <returns>The number of chars written.</returns>
    public static int Widen(ReadOnlySpan<byte> utf8, Span<char> chars)
    {
        for (var i = 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            if (b >= 0x80)
            {
                return Encoding.UTF8.GetChars(utf8, chars);
            }

            chars[i] = (char)b;
        }

        return utf8.Length;
    }
}
