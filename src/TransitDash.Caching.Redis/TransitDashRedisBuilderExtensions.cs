using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TransitDash.Health;
using TransitDash.Internal;
using TransitDash.Options;
using TransitDash.Replication;
using TransitDash.Snapshots;

namespace TransitDash;

/// <summary>Scales TransitDash out on Redis: several replicas share one poller, and all serve the same snapshots.</summary>
public static class TransitDashRedisBuilderExtensions
{
    /// <summary>Shares snapshots through Redis, configured from the <c>TransitDash:Redis</c> section. The
    /// options are validated when the host starts: a bad value (or an empty <c>Configuration</c>) stops it
    /// with an <see cref="OptionsValidationException"/> naming the key. Calling it twice registers nothing twice.</summary>
    /// <param name="builder">The builder <c>AddTransitDash()</c> returned.</param>
    /// <param name="configuration">The <c>Redis</c> section; the <c>TransitDash</c> section or a configuration
    /// root is read through its <c>Redis</c> section.</param>
    /// <returns>The builder.</returns>
    public static ITransitDashBuilder AddRedisSnapshots(this ITransitDashBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = RedisOptionsReader.Locate(configuration);
        return AddCore(builder, options => RedisOptionsReader.Read(section, options));
    }

    /// <summary>What a host reading a config file wants: shares snapshots through Redis when the section's
    /// <c>Configuration</c> is set, exactly as <see cref="AddRedisSnapshots(ITransitDashBuilder, IConfiguration)"/>;
    /// when it is empty (or the section is absent) snapshots stay in process, and the section's other keys are
    /// still validated when the host starts, so a bad or unknown key is reported rather than ignored.</summary>
    /// <param name="builder">The builder <c>AddTransitDash()</c> returned.</param>
    /// <param name="configuration">The <c>Redis</c> section; the <c>TransitDash</c> section or a configuration
    /// root is read through its <c>Redis</c> section.</param>
    /// <returns>The builder.</returns>
    public static ITransitDashBuilder AddRedisSnapshotsWhenConfigured(this ITransitDashBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = RedisOptionsReader.Locate(configuration);
        if (!string.IsNullOrWhiteSpace(section["Configuration"]))
        {
            return builder.AddRedisSnapshots(configuration);
        }

        if (section.Exists())
        {
            builder.Services.AddOptions<RedisSnapshotOptions>().Configure(options => RedisOptionsReader.Read(section, options)).ValidateOnStart();
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisSnapshotOptions>>(new RedisSnapshotOptionsValidator(requireConfiguration: false)));
        }

        return builder;
    }

    /// <summary>Shares snapshots through Redis, configured in code. The options are validated when the host
    /// starts, as for the configuration overload. Calling it twice registers nothing twice.</summary>
    /// <param name="builder">The builder <c>AddTransitDash()</c> returned.</param>
    /// <param name="configure">Sets the options; <see cref="RedisSnapshotOptions.Configuration"/> is required.</param>
    /// <returns>The builder.</returns>
    public static ITransitDashBuilder AddRedisSnapshots(this ITransitDashBuilder builder, Action<RedisSnapshotOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(builder, configure);
    }

    private static ITransitDashBuilder AddCore(ITransitDashBuilder builder, Action<RedisSnapshotOptions> configure)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(RedisSnapshotReplicator)))
        {
            return builder;
        }

        services.AddOptions<RedisSnapshotOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisSnapshotOptions>, RedisSnapshotOptionsValidator>());
        services.AddSingleton(provider => new RedisSnapshotReplicator(
            provider.GetRequiredService<IOptions<RedisSnapshotOptions>>().Value,
            provider.GetRequiredService<SnapshotStore>(),
            provider.GetRequiredService<HealthHistory>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<RedisSnapshotReplicator>>() ?? NullLogger<RedisSnapshotReplicator>.Instance,
            provider.GetService<IMeterFactory>(),
            PollIntervals(provider.GetRequiredService<IOptions<TransitDashOptions>>().Value)));
        services.AddSingleton<ISnapshotReplicator>(provider => provider.GetRequiredService<RedisSnapshotReplicator>());

        // After the poller's registration (AddTransitDash comes first): stopping runs in reverse, so the lease
        // is given up before the poller stops, and sources are registered before the first re-read.
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<RedisSnapshotReplicator>());
        return builder;
    }

    private static TimeSpan[] PollIntervals(TransitDashOptions options) =>
        new[]
        {
            options.Subway?.PollInterval,
            options.Citibike?.PollInterval,
            string.IsNullOrWhiteSpace(options.Alerts?.Url) ? null : options.Alerts.PollInterval,
        }.OfType<TimeSpan>().ToArray();
}
