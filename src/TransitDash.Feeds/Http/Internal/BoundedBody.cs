using System.Buffers;

namespace TransitDash.Feeds.Http.Internal;

/// <summary>Reads a body into memory without ever holding more than the cap: a declared length over
/// the cap fails before reading, and an undeclared one fails as soon as one byte past the cap arrives.</summary>
internal static class BoundedBody
{
    private const int UndeclaredInitialBytes = 64 * 1024;

    public static async Task<byte[]> ReadAsync(Stream stream, long? declaredLength, long limit, string feedName, CancellationToken cancellationToken)
    {
        if (declaredLength > limit)
        {
            throw new FeedTooLargeException(feedName, limit);
        }

        // One byte past the cap is room enough to see that a body is too large; a byte[] cannot be longer anyway.
        var ceiling = (int)Math.Min(limit + 1, Array.MaxLength);

        // A declared length gets one spare byte so the read that finds the end needs no second buffer.
        var initial = declaredLength is { } declared ? (int)Math.Min(declared + 1, ceiling) : Math.Min(UndeclaredInitialBytes, ceiling);
        var buffer = ArrayPool<byte>.Shared.Rent(initial);
        var length = 0;
        try
        {
            while (true)
            {
                // Full but still under the ceiling (at the ceiling the body would already have failed).
                if (length == Math.Min(buffer.Length, ceiling))
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, ceiling));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var room = Math.Min(buffer.Length, ceiling) - length;
                var read = await stream.ReadAsync(buffer.AsMemory(length, room), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.AsSpan(0, length).ToArray();
                }

                length += read;
                if (length > limit)
                {
                    throw new FeedTooLargeException(feedName, limit);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
