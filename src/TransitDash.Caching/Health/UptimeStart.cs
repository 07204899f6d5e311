using Microsoft.Extensions.Hosting;

namespace TransitDash.Health;

/// <summary>Makes the <see cref="HealthMonitor"/> as the host starts, so that its uptime counts from the start
/// rather than from the first time anything asked for health (a probe that comes minutes later).</summary>
internal sealed class UptimeStart(HealthMonitor monitor) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(monitor);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
