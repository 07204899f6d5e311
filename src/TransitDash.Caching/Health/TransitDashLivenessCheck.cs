using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TransitDash.Health;

/// <summary>Liveness: the process answers. Upstream trouble never fails it; restarting would not help.</summary>
internal sealed class TransitDashLivenessCheck(HealthMonitor monitor) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy(
            "TransitDash is running.",
            new Dictionary<string, object> { ["uptime_seconds"] = (long)monitor.Uptime.TotalSeconds }));
}
