namespace TransitDash.Simulator.Upstream;

/// <summary>A body a loopback route serves, with what the route may do with it: answer conditional
/// requests (<see cref="ETag"/>, <see cref="LastModified"/>) and compress it for clients that accept it.</summary>
/// <param name="Body">The bytes, uncompressed.</param>
/// <param name="ContentType">The <c>Content-Type</c> to send.</param>
public sealed record UpstreamPayload(ReadOnlyMemory<byte> Body, string ContentType)
{
    /// <summary>Sent as <c>ETag</c> (quote it: <c>"\"v1\""</c>); a request whose <c>If-None-Match</c>
    /// names it gets 304.</summary>
    public string? ETag { get; init; }

    /// <summary>Sent as <c>Last-Modified</c>; a request whose <c>If-Modified-Since</c> is not older
    /// gets 304 (unless it also sent <c>If-None-Match</c>, which then decides alone).</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>Encodings the route may use (<c>gzip</c>, <c>br</c>, <c>deflate</c>), in its order of
    /// preference; the first one the request's <c>Accept-Encoding</c> lists is used.</summary>
    /// <value>Empty: the body is always sent as it is.</value>
    public IReadOnlyList<string> Encodings { get; init; } = [];

    /// <summary>The content type a file of this name is served with.</summary>
    /// <param name="fileName">A file name or path.</param>
    /// <returns><c>application/json</c>, <c>application/x-protobuf</c> or <c>application/octet-stream</c>.</returns>
    public static string ContentTypeOf(string fileName) => System.IO.Path.GetExtension(fileName).ToUpperInvariant() switch
    {
        ".JSON" => "application/json",
        ".PB" => "application/x-protobuf",
        _ => "application/octet-stream",
    };
}
