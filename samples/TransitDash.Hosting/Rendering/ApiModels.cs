using System.Text.Json.Serialization;

namespace TransitDash.Hosting.Rendering;

// The wire shapes of the HTTP contract (shared/spec API.md). Names are snake_case through the JSON
// context; times are Unix seconds. Fields of the original endpoints are fixed: add, never rename.

/// <summary>The body of <c>/api/subway</c>.</summary>
public sealed record SubwayResponse(bool Success, IReadOnlyList<ArrivalJson> Data, long? LastUpdated, long? StalenessSeconds);

/// <summary>One arrival of <c>/api/subway</c>.</summary>
public sealed record ArrivalJson(
    string Line,
    string Station,
    string? Direction,
    int MinutesUntil,
    string RouteId,
    string StopId,
    long Timestamp,
    long ArrivalTime,
    string TripId,
    string? TrainId,
    bool? IsAssigned,
    string? Track,
    uint? DirectionId,
    bool Stalled,
    string Feed);

/// <summary>The body of <c>/api/citibike</c>.</summary>
public sealed record CitibikeResponse(bool Success, IReadOnlyList<DockJson> Data, long? LastUpdated, long? StalenessSeconds);

/// <summary>One station of <c>/api/citibike</c>.</summary>
public sealed record DockJson(
    string StationId,
    string Name,
    int BikesAvailable,
    int EbikesAvailable,
    int DocksAvailable,
    int TotalCapacity,
    bool IsRenting,
    bool IsReturning,
    long? LastReported,
    int PercentFull)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? DistanceM { get; init; }
}

/// <summary>The body of <c>/api/alerts</c>.</summary>
public sealed record AlertsResponse(bool Success, IReadOnlyList<AlertJson> Data, long? LastUpdated, long? StalenessSeconds);

/// <summary>One alert of <c>/api/alerts</c>.</summary>
public sealed record AlertJson(
    string Id,
    string? AlertType,
    string Effect,
    string Cause,
    string? Header,
    string? Description,
    IReadOnlyList<string> Routes,
    IReadOnlyList<string> Stops,
    IReadOnlyList<PeriodJson> ActivePeriods);

/// <summary>An alert's active period.</summary>
public sealed record PeriodJson(long? Start, long? End);

/// <summary>The body of <c>/api/health</c>: the overall status, then one member per source.</summary>
public sealed class HealthResponse
{
    public string Status { get; set; } = "down";

    public long UptimeSeconds { get; set; }

    /// <summary>Present only when replicas share snapshots (TransitDash.Caching.Redis).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReplicationJson? Replication { get; set; }

    [JsonExtensionData]
    public Dictionary<string, object?> Sources { get; } = [];
}

/// <summary>One source (or feed) under <c>/api/health</c>.</summary>
public sealed record SourceHealthJson(
    string LastUpdate,
    string Status,
    long FetchCount,
    long ErrorCount,
    string? LastError)
{
    public string? LastErrorKind { get; init; }

    public int ConsecutiveFailures { get; init; }

    public long? LastUpdateTime { get; init; }

    public long? UpstreamAgeSeconds { get; init; }

    public double? LastDurationMs { get; init; }

    /// <summary><c>closed</c>, <c>open</c> or <c>half_open</c>; absent for a source without a circuit breaker.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Circuit { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Version { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? LastStatusCode { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, SourceHealthJson>? Feeds { get; init; }
}

/// <summary>The <c>replication</c> member of <c>/api/health</c>: who polls, and whether the shared store answers.</summary>
public sealed record ReplicationJson(
    string Backend,
    string Replica,
    string Role,
    bool Reachable,
    string? LeaseHolder,
    long? LastContact,
    long? UnreachableSeconds,
    string? LastError);

/// <summary>The body of <c>/api/health/history</c>.</summary>
public sealed record HistoryResponse(bool Success, string Source, string Window, int Hours, IReadOnlyList<HistoryRowJson> Data);

/// <summary>One window of health history.</summary>
public sealed record HistoryRowJson(long Timestamp, int Samples, double? Healthy, double? Stale, double? Error, double? P50Ms, double? P95Ms, int Errors);

/// <summary>The body of <c>/api/health/attempts</c>.</summary>
public sealed record AttemptsResponse(bool Success, string Source, IReadOnlyList<AttemptJson> Data);

/// <summary>One fetch attempt.</summary>
public sealed record AttemptJson(long Time, string Feed, int? StatusCode, double LatencyMs, long? Bytes, string Outcome, string? ErrorKind)
{
    /// <summary>What went wrong, for an attempt that failed; never a secret or a keyed URL.</summary>
    public string? Error { get; init; }
}

/// <summary>The body of <c>/api/config</c>.</summary>
public sealed record ConfigJson(AutoRefreshJson AutoRefresh, DisplayJson Display);

/// <summary>The auto-refresh settings.</summary>
public sealed record AutoRefreshJson(bool Enabled, int Interval, IReadOnlyList<int> Options);

/// <summary>The display settings.</summary>
public sealed record DisplayJson(string HistoryWindow, IReadOnlyList<string> WindowOptions);

/// <summary>A POSTed change of settings: every member optional.</summary>
public sealed record ConfigUpdateJson(AutoRefreshUpdateJson? AutoRefresh, DisplayUpdateJson? Display);

/// <summary>A change of auto-refresh settings.</summary>
public sealed record AutoRefreshUpdateJson(bool? Enabled, int? Interval);

/// <summary>A change of display settings.</summary>
public sealed record DisplayUpdateJson(string? HistoryWindow);

/// <summary>An error body: problem details (RFC 9457).</summary>
public sealed record ProblemResponse(string Type, string Title, int Status, string Detail);

/// <summary>The body of a data endpoint before its source's first successful fetch (503): problem details
/// that also carry the endpoint's own members, empty.</summary>
public sealed record NoDataResponse(
    string Type,
    string Title,
    int Status,
    string Detail,
    bool Success,
    string Error,
    IReadOnlyList<string> Data,
    long? LastUpdated,
    long? StalenessSeconds);
