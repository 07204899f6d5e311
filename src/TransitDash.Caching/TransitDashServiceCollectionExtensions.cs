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
using TransitDash.Polling;
using TransitDash.Resilience;
using TransitDash.Replication;
using TransitDash.Snapshots;

namespace TransitDash;

/// <summary>The one call that gives a host TransitDash: the feed clients, the snapshot cache, the poller that
/// keeps it fresh, and the health that says how fresh it is.</summary>
public static class TransitDashServiceCollectionExtensions
{
    /// <summary>Registers TransitDash, configured from the <c>TransitDash</c> section. The options are
    /// validated when the host starts: a bad value stops it with an <see cref="OptionsValidationException"/>
    /// listing every problem with its key path. Calling it twice registers nothing twice.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The <c>TransitDash</c> section (a configuration root is read through its
    /// <c>TransitDash</c> section).</param>
    /// <returns>The builder, for follow-up registrations.</returns>
    public static ITransitDashBuilder AddTransitDash(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TransitDashOptions>().Configure(options => TransitDashConfigurationReader.Read(configuration, options));
        return AddCore(services);
    }

    /// <summary>Registers TransitDash, configured in code. The options are validated when the host starts,
    /// as for the configuration overload. Calling it twice registers nothing twice.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder, for follow-up registrations.</returns>
    public static ITransitDashBuilder AddTransitDash(this IServiceCollection services, Action<TransitDashOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<TransitDashOptions>().Configure(configure);
        return AddCore(services);
    }

    private static TransitDashBuilder AddCore(IServiceCollection services)
    {
        services.AddOptions<TransitDashOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TransitDashOptions>, TransitDashOptionsValidator>());

        // Before the feed clients and anything else that may TryAdd the system clock: ClockStart must win
        // over that, and a clock the host registered first (a test's fake) must win over ClockStart.
        services.TryAddSingleton(CreateTimeProvider);

        ResilienceRegistration.Add(services);

        services.TryAddSingleton(provider => new SnapshotStore(provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new FeedHealthEvaluator(Options(provider).Health));
        services.TryAddSingleton(provider => new HealthHistory(Options(provider).History.Retention, provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new HealthMonitor(
            provider.GetRequiredService<SnapshotStore>(),
            provider.GetRequiredService<FeedHealthEvaluator>(),
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new TransitDashMetrics(
            provider.GetService<IMeterFactory>(),
            provider.GetRequiredService<SnapshotStore>(),
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new PollingServices(
            provider.GetRequiredService<SnapshotStore>(),
            provider.GetRequiredService<HealthHistory>(),
            provider.GetRequiredService<FeedHealthEvaluator>(),
            provider.GetRequiredService<TransitDashMetrics>(),
            provider.GetRequiredService<FeedPipelines>(),
            provider.GetRequiredService<TimeProvider>(),
            (ILogger?)provider.GetService<ILoggerFactory>()?.CreateLogger("TransitDash.Polling") ?? NullLogger.Instance,
            provider.GetService<ISnapshotReplicator>()));
        services.TryAddSingleton<SourceSet>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, UptimeStart>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TransitDashPoller>());

        return new TransitDashBuilder(services);
    }

    private static TransitDashOptions Options(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<TransitDashOptions>>().Value;

    private static TimeProvider CreateTimeProvider(IServiceProvider provider)
    {
        DateTimeOffset? clockStart;
        try
        {
            clockStart = Options(provider).ClockStart;
        }
        catch (OptionsValidationException)
        {
            // Hosts may ask for the clock before start-up validation runs. Invalid options stop the host
            // at start with every problem listed; failing here would report only this section's.
            return TimeProvider.System;
        }

        if (clockStart is not { } start)
        {
            return TimeProvider.System;
        }

        if (provider.GetService<ILoggerFactory>() is { } loggerFactory)
        {
            Log.ClockShifted(loggerFactory.CreateLogger("TransitDash"), start);
        }

        return new ShiftedTimeProvider(start);
    }
}
