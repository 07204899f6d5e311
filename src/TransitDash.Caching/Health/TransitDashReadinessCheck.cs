using Microsoft.Extensions.Diagnostics.HealthChecks;
using TransitDash.Options;
using TransitDash.Snapshots;

namespace TransitDash.Health;

/// <summary>Readiness: the configured subway and bike sources each have data, however old. Once ready, a
/// host stays ready: it keeps serving what it holds through any upstream outage.</summary>
internal sealed class TransitDashReadinessCheck(SnapshotStore store, TransitDashOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var required = new List<string>();
        if (options.Subway is not null)
        {
            required.Add(TransitDashSources.Subway);
        }

        if (options.Citibike is not null)
        {
            required.Add(TransitDashSources.Citibike);
        }

        var waiting = required.Where(source => store.GetMetadata(source) is not { HasData: true }).ToArray();
        var data = required.ToDictionary(source => source, source => (object)!waiting.Contains(source));
        return Task.FromResult(waiting.Length == 0
            ? HealthCheckResult.Healthy("Every configured source has data.", data)
            : HealthCheckResult.Unhealthy($"Waiting for the first data of: {string.Join(", ", waiting)}.", data: data));
    }
}
