namespace TransitDash.Feeds.Http.Internal;

/// <summary>Reads a body into memory without ever holding more than the cap: a declared length over the cap fails
/// before reading, and an undeclared one fails as soon as one byte past the cap arrives.</summary>
/// <remarks>Buffers are plain arrays, not pooled ones: a buffer sized for a body near the cap (or for a huge body cut
/// at it) would otherwise stay in the shared pool for good after a single such response.</remarks>
internal static class BoundedBody
{
    private const int UndeclaredInitialBytes = 64 * 1024;

    public static async Task<byte[]> ReadAsync(Stream stream, long? declaredLength, long limit, string feedName, CancellationToken cancellationToken)
    {
        if (declaredLength > limit)
        {
            throw new FeedTooLargeException(feedName, limit);
        }

        return declaredLength is { } declared
            ? await ReadDeclaredAsync(stream, (int)declared, limit, feedName, cancellationToken).ConfigureAwait(false)
            : await ReadUndeclaredAsync(stream, [], limit, feedName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A body of a known length goes straight into an array of that length. One more byte means it was longer
    /// than declared (a file that grew while it was read): it is then read on like an undeclared body.</summary>
    private static async Task<byte[]> ReadDeclaredAsync(Stream stream, int declared, long limit, string feedName, CancellationToken cancellationToken)
    {
        var body = new byte[declared];
        var length = 0;
        while (length < declared)
        {
            var read = await stream.ReadAsync(body.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return body[..length];
            }

            length += read;
        }

        var probe = new byte[1];
        if (await stream.ReadAsync(probe, cancellationToken).ConfigureAwait(false) == 0)
        {
            return body;
        }

        return await ReadUndeclaredAsync(stream, [.. body, probe[0]], limit, feedName, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadUndeclaredAsync(Stream stream, byte[] start, long limit, string feedName, CancellationToken cancellationToken)
    {
        if (start.Length > limit)
        {
            throw new FeedTooLargeException(feedName, limit);
        }

        // One byte past the cap is room enough to see that a body is too large; a byte[] cannot be longer anyway.
        var ceiling = (int)Math.Min(limit + 1, Array.MaxLength);
        var buffer = start;
        Array.Resize(ref buffer, Math.Min(Math.Max(UndeclaredInitialBytes, start.Length * 2), ceiling));
        var length = start.Length;
        while (true)
        {
            // Full but still under the ceiling (at the ceiling the body would already have failed).
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, ceiling));
            }

            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer[..length];
            }

            length += read;
            if (length > limit)
            {
                throw new FeedTooLargeException(feedName, limit);
            }
        }
    }
}
