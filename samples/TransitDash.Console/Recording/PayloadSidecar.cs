namespace TransitDash.ConsoleHost.Recording;

/// <summary>The <c>&lt;payload&gt;.meta.json</c> beside a recorded payload: what the response said besides its bytes.</summary>
/// <param name="Source">The source: subway, alerts or citibike.</param>
/// <param name="Feed">The feed's configured name (for GBFS, the document's, such as <c>citibike/station_status</c>).</param>
/// <param name="Url">Where it came from, without query or credentials (they may hold keys).</param>
/// <param name="ReceivedAt">When the response completed, on the host's clock (a replay's clock starts at the first).</param>
/// <param name="StatusCode">The HTTP status (200 for a file read).</param>
/// <param name="LatencyMs">How long the request took.</param>
/// <param name="Bytes">The payload's size.</param>
/// <param name="Headers">The response headers, first value of each.</param>
internal sealed record PayloadSidecar(
    string Source,
    string Feed,
    string? Url,
    DateTimeOffset ReceivedAt,
    int StatusCode,
    double LatencyMs,
    long Bytes,
    IReadOnlyDictionary<string, string> Headers);
