using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TransitDash.Health;
using TransitDash.Options;
using TransitDash.Snapshots;

namespace TransitDash;

/// <summary>Health checks for probes: liveness and readiness.</summary>
public static class TransitDashHealthChecksBuilderExtensions
{
    /// <summary>The name of the liveness check.</summary>
    public const string LivenessCheckName = "transitdash-live";

    /// <summary>The name of the readiness check.</summary>
    public const string ReadinessCheckName = "transitdash-ready";

    /// <summary>The tag of the liveness check (filter <c>/healthz/live</c> with it).</summary>
    public const string LiveTag = "live";

    /// <summary>The tag of the readiness check (filter <c>/healthz/ready</c> with it).</summary>
    public const string ReadyTag = "ready";

    /// <summary>Adds a liveness check (tag <see cref="LiveTag"/>: healthy while the process answers) and a
    /// readiness check (tag <see cref="ReadyTag"/>: healthy once the subway and the bikes each have data,
    /// when they are configured, whatever their freshness; losing an upstream later never makes the host
    /// unready, since it keeps serving what it holds). Calling it twice adds them once.</summary>
    /// <param name="builder">The health checks builder.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddTransitDashChecks(this IHealthChecksBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(ChecksAdded)))
        {
            return builder;
        }

        builder.Services.AddSingleton<ChecksAdded>();
        builder.Add(new HealthCheckRegistration(
            LivenessCheckName,
            provider => new TransitDashLivenessCheck(provider.GetRequiredService<HealthMonitor>()),
            failureStatus: null,
            tags: [LiveTag]));
        builder.Add(new HealthCheckRegistration(
            ReadinessCheckName,
            provider => new TransitDashReadinessCheck(
                provider.GetRequiredService<SnapshotStore>(),
                provider.GetRequiredService<IOptions<TransitDashOptions>>().Value),
            failureStatus: null,
            tags: [ReadyTag]));
        return builder;
    }

    /// <summary>Marks the checks as added.</summary>
    private sealed class ChecksAdded;
}
