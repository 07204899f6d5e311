using System.IO.Compression;

namespace TransitDash.Web.Tests.Support;

/// <summary>Undoes a <c>Content-Encoding</c> the way a client would.</summary>
internal static class ContentCodings
{
    public static byte[] Decode(byte[] bytes, string? contentEncoding)
    {
        if (contentEncoding is null)
        {
            return bytes;
        }

        using var input = new MemoryStream(bytes);
        using Stream decoder = contentEncoding switch
        {
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            _ => throw new InvalidOperationException($"Unexpected Content-Encoding '{contentEncoding}'."),
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
