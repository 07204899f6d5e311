namespace TransitDash.Feeds.GtfsRealtime.Internal;

/// <summary>Where a string field's UTF-8 bytes sit in a payload; <see cref="None"/> when the field was absent
/// (which is not the same as present and empty).</summary>
/// <param name="Start">The offset of the first byte in the payload, or -1 when absent.</param>
/// <param name="Length">The number of bytes.</param>
internal readonly record struct Utf8Slice(int Start, int Length)
{
    /// <summary>An absent field.</summary>
    public static Utf8Slice None { get; } = new(-1, 0);

    /// <summary>True when the field was present.</summary>
    public bool IsPresent => Start >= 0;
}
