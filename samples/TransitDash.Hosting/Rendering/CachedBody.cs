using System.IO.Compression;

namespace TransitDash.Hosting.Rendering;

/// <summary>A serialized response body with its entity tag, and its compressed representations, each
/// made at most once, on first demand, whichever request thread asks first.</summary>
public sealed class CachedBody
{
    /// <summary>Bodies shorter than this are always sent as they are: compressing them saves less
    /// than the headers it adds cost.</summary>
    public const int MinimumCompressedLength = 1024;

    // One gate for both codings: a body is compressed at most twice in its life (one second), so
    // threads asking for gzip never wait long behind one making br.
    private readonly Lock gate = new();
    private BodyRepresentation? gzip;
    private BodyRepresentation? brotli;
    private int compressions;

    /// <summary>A body and its entity tag.</summary>
    /// <param name="body">The UTF-8 JSON.</param>
    /// <param name="etag">The weak entity tag (<c>W/"..."</c>).</param>
    public CachedBody(byte[] body, string etag)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrEmpty(etag);
        if (etag.Length < 3 || etag[^1] != '"')
        {
            throw new ArgumentException($"An entity tag is a quoted string such as W/\"1-ab\" (got '{etag}').", nameof(etag));
        }

        Body = body;
        ETag = etag;
        Identity = new BodyRepresentation(body, etag, null);
    }

    /// <summary>The UTF-8 JSON.</summary>
    public byte[] Body { get; }

    /// <summary>The weak entity tag (<c>W/"..."</c>) of the identity representation.</summary>
    public string ETag { get; }

    /// <summary>The body as serialized.</summary>
    public BodyRepresentation Identity { get; }

    /// <summary>How many times this body has been compressed (at most once per coding).</summary>
    internal int Compressions => Volatile.Read(ref compressions);

    /// <summary>The representation to send in a coding: compressed once, then the same bytes every time.
    /// Identity when the body is too short to be worth compressing or does not shrink.</summary>
    public BodyRepresentation For(ContentCoding coding) => coding switch
    {
        ContentCoding.Gzip => Volatile.Read(ref gzip) ?? Compress(ref gzip, coding),
        ContentCoding.Brotli => Volatile.Read(ref brotli) ?? Compress(ref brotli, coding),
        _ => Identity,
    };

    private BodyRepresentation Compress(ref BodyRepresentation? slot, ContentCoding coding)
    {
        if (Body.Length < MinimumCompressedLength)
        {
            return Identity;
        }

        lock (gate)
        {
            if (slot is { } made)
            {
                return made;
            }

            Interlocked.Increment(ref compressions);
            var compressed = Compressed(Body, coding);
            var (name, suffix) = coding == ContentCoding.Brotli ? ("br", "-br\"") : ("gzip", "-gzip\"");

            // The coding goes inside the opaque tag, so a cache never mistakes one representation for
            // the other (W/"1-ab" and W/"1-ab-gzip"), and a replica derives the same tags.
            var representation = compressed.Length < Body.Length
                ? new BodyRepresentation(compressed, string.Concat(ETag.AsSpan(0, ETag.Length - 1), suffix), name)
                : Identity;
            Volatile.Write(ref slot, representation);
            return representation;
        }
    }

    private static byte[] Compressed(byte[] body, ContentCoding coding)
    {
        // Optimal (zlib level 6, Brotli quality 4) rather than Fastest or SmallestSize: the work is done once
        // per body and second, and a few hundred microseconds more buy every copy sent that second fewer bytes.
        var output = new MemoryStream(body.Length / 4);
        using (Stream compressor = coding == ContentCoding.Brotli
            ? new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true)
            : new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            compressor.Write(body);
        }

        return output.ToArray();
    }
}
