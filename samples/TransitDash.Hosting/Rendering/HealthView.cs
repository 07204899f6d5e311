using TransitDash.Feeds;
using TransitDash.Health;
using TransitDash.Replication;
using TransitDash.Snapshots;

namespace TransitDash.Hosting.Rendering;

/// <summary>The <c>/api/health</c> body of a health report.</summary>
public static class HealthView
{
    /// <summary>The body: the overall status, the uptime, replication when replicas share snapshots (which
    /// replica holds the poller's lease, whether the shared store answers), then one member per source.</summary>
    public static HealthResponse Build(HealthReport report, ReplicationStatus? replication = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var response = new HealthResponse
        {
            Status = Wire(report.Status),
            UptimeSeconds = (long)report.Uptime.TotalSeconds,
            Replication = replication is null ? null : Replication(replication),
        };
        foreach (var source in report.Sources)
        {
            response.Sources[source.Source] = Figures(source) with
            {
                Version = source.Version,
                Warnings = source.Warnings,
                Feeds = source.Feeds.Count == 0 ? null : source.Feeds.ToDictionary(f => f.Feed, f => Figures(f) with { LastStatusCode = f.LastStatusCode }),
            };
        }

        return response;
    }

    /// <summary>The wire name of a source's status.</summary>
    public static string Wire(SourceHealthStatus status) => status switch
    {
        SourceHealthStatus.Healthy => "healthy",
        SourceHealthStatus.Stale => "stale",
        _ => "error",
    };

    /// <summary>The wire name of the overall status.</summary>
    public static string Wire(OverallHealthStatus status) => status switch
    {
        OverallHealthStatus.Healthy => "healthy",
        OverallHealthStatus.Degraded => "degraded",
        _ => "down",
    };

    /// <summary>The wire name of a replica's role.</summary>
    public static string Wire(ReplicaRole role) => role switch
    {
        ReplicaRole.Leader => "leader",
        ReplicaRole.Isolated => "isolated",
        _ => "follower",
    };

    private static ReplicationJson Replication(ReplicationStatus status) => new(
        status.Backend,
        status.Replica,
        Wire(status.Role),
        status.Reachable,
        status.LeaseHolder,
        status.LastContact?.ToUnixTimeSeconds(),
        status.UnreachableFor is { } down ? (long)down.TotalSeconds : null,
        status.LastError);

    private static SourceHealthJson Figures(HealthFigures f) => new(f.LastUpdateText, Wire(f.Status), f.FetchCount, f.ErrorCount, f.LastError)
    {
        LastErrorKind = f.LastErrorKind?.ToWireName(),
        ConsecutiveFailures = f.ConsecutiveFailures,
        LastUpdateTime = f.LastUpdate?.ToUnixTimeSeconds(),
        UpstreamAgeSeconds = f.UpstreamAge is { } age ? (long)Math.Max(0, age.TotalSeconds) : null,
        LastDurationMs = f.LastDuration is { } d ? Math.Round(d.TotalMilliseconds, 1) : null,
        Circuit = f.Circuit is { } circuit ? Wire(circuit) : null,
    };

    /// <summary>The wire name of a circuit breaker's state.</summary>
    public static string Wire(FeedCircuitState state) => state switch
    {
        FeedCircuitState.Open => "open",
        FeedCircuitState.HalfOpen => "half_open",
        _ => "closed",
    };
}
