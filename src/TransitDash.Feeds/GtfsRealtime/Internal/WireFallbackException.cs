using System.Diagnostics.CodeAnalysis;

namespace TransitDash.Feeds.GtfsRealtime.Internal;

/// <summary>Thrown by the wire readers when a payload leaves the plain, well-formed protobuf they accept
/// (bad bytes, a member the typed parser would reject, a message split in two that protobuf would merge).
/// It never leaves the assembly: whoever calls a wire reader catches it and parses the payload with
/// <see cref="GtfsRealtimeParser"/> instead, which gives the exact result or error.</summary>
internal sealed class WireFallbackException : Exception
{
    public WireFallbackException()
    {
    }

    public WireFallbackException(string message)
        : base(message)
    {
    }

    public WireFallbackException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Throws, saying why the wire reader declined.</summary>
    /// <param name="reason">What the reader met.</param>
    [DoesNotReturn]
    public static void Throw(string reason) => throw new WireFallbackException(reason);
}
