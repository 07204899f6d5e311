namespace TransitDash.Simulator.Upstream;

/// <summary>One request a <see cref="LoopbackUpstream"/> received, and how it answered.</summary>
public sealed class RecordedRequest
{
    private int responseStatusCode;
    private string? responseContentEncoding;

    internal RecordedRequest(string method, string rawTarget, IReadOnlyDictionary<string, string> headers, DateTimeOffset receivedAt)
    {
        Method = method;
        RawTarget = rawTarget;
        Path = PathOf(rawTarget);
        Headers = headers;
        ReceivedAt = receivedAt;
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The request target exactly as it arrived on the wire (escapes such as <c>%2F</c> intact).</summary>
    public string RawTarget { get; }

    /// <summary>The path part of <see cref="RawTarget"/>, still escaped as sent; routes are matched on it.</summary>
    public string Path { get; }

    /// <summary>The request headers (names case-insensitive; repeated values joined with <c>", "</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>When the server received the request (wall clock).</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The status the server started to answer with; 0 while no answer has started (a hang).</summary>
    public int ResponseStatusCode => Volatile.Read(ref responseStatusCode);

    /// <summary>The <c>Content-Encoding</c> the server answered with; null for an uncompressed body.</summary>
    public string? ResponseContentEncoding => Volatile.Read(ref responseContentEncoding);

    /// <summary>A request header's value, or null.</summary>
    /// <param name="name">The header name.</param>
    /// <returns>The value.</returns>
    public string? Header(string name) => Headers.GetValueOrDefault(name);

    /// <summary>The path part of a raw request target.</summary>
    internal static string PathOf(string rawTarget)
    {
        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? rawTarget : rawTarget[..query];
    }

    internal void RecordResponse(int statusCode, string? contentEncoding)
    {
        Volatile.Write(ref responseContentEncoding, contentEncoding);
        Volatile.Write(ref responseStatusCode, statusCode);
    }
}
