using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TransitDash.Feeds.Http;
using TransitDash.Options;

namespace TransitDash.Resilience;

/// <summary>What AddTransitDash() adds around the feed clients of TransitDash.Feeds.</summary>
/// <remarks>Retries, the breaker and the attempt timeout wrap each poll of a feed in the sources (a
/// <see cref="FeedPipeline"/> per feed), not the HTTP handler: only there is a poll whole, with its payload
/// parsed and checked, so a truncated or frozen feed counts as the failure it is, and a GBFS poll of several
/// documents counts once. The rate limit is the other way round: it is about requests to a host, whichever
/// feed makes them, so it sits in the feed byte client every request goes through, one limiter per host:port,
/// where a request waits its turn before its attempt is timed.</remarks>
internal static class ResilienceRegistration
{
    /// <summary>The feeds' <c>HttpClient</c> timeout: only a backstop for requests made outside a feed's pipeline
    /// (the static GTFS), never shorter than a pipeline's attempt timeout, which it must not pre-empt.</summary>
    private static readonly TimeSpan BackstopTimeout = TimeSpan.FromSeconds(100);

    public static void Add(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(FeedPipelines)))
        {
            return;
        }

        services.AddSingleton(provider => new FeedPipelines(
            provider.GetRequiredService<IOptions<TransitDashOptions>>().Value.Resilience,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILoggerFactory>()));

        services.AddTransitDashFeedClients()
            .ConfigureHttpClient((provider, client) =>
            {
                var attemptTimeout = provider.GetRequiredService<IOptions<TransitDashOptions>>().Value.Resilience.AttemptTimeout;
                client.Timeout = attemptTimeout < BackstopTimeout ? BackstopTimeout : attemptTimeout + TimeSpan.FromSeconds(1);
            });
        services.AddSingleton(provider => new HostRateLimiters(
            provider.GetRequiredService<IOptions<TransitDashOptions>>().Value.Resilience.MaxRequestsPerSecond));

        ObserveRequests(services);
    }

    /// <summary>Wraps the registered feed byte client (the one of TransitDash.Feeds, or one the host registered
    /// first) so that each feed's tries see the requests they make.</summary>
    private static void ObserveRequests(IServiceCollection services)
    {
        var index = -1;
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i].ServiceType == typeof(IFeedClient) && !services[i].IsKeyedService)
            {
                index = i;
            }
        }

        var inner = services[index];
        services[index] = ServiceDescriptor.Singleton<IFeedClient>(provider =>
            new ObservedFeedClient(Create(provider, inner), provider.GetRequiredService<HostRateLimiters>(), provider.GetRequiredService<TimeProvider>()));
    }

    private static IFeedClient Create(IServiceProvider provider, ServiceDescriptor descriptor) =>
        (IFeedClient)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
