using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TransitDash.Feeds.Http.Internal;

namespace TransitDash.Feeds.Http;

/// <summary>Registers the feed clients.</summary>
public static class FeedsServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="System.Net.Http.HttpClient"/> the feed clients use; configure
    /// it (handlers, resilience) through <c>services.AddHttpClient(FeedHttpClientName)</c>.</summary>
    public const string FeedHttpClientName = "TransitDash.Feeds";

    // Connections are recycled so a changed DNS answer for an upstream is picked up without
    // relying on the factory's handler rotation.
    private static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Registers <see cref="IFeedClient"/>, <see cref="IGtfsRealtimeClient"/> and
    /// <see cref="IGbfsClient"/> (singletons over <c>IHttpClientFactory</c>). Calling it twice registers nothing twice.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The builder of the feeds' HTTP client, for further configuration.</returns>
    public static IHttpClientBuilder AddTransitDashFeedClients(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // AddHttpClient adds a registration on every call, so only the first call makes it; later
        // calls hand back a builder for the same named client.
        if (services.Any(d => d.ServiceType == typeof(FeedClientsMarker)))
        {
            return new FeedHttpClientBuilder(services, FeedHttpClientName);
        }

        services.AddSingleton<FeedClientsMarker>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFeedClient, FeedClient>();
        services.TryAddSingleton<IGtfsRealtimeClient, GtfsRealtimeClient>();
        services.TryAddSingleton<IGbfsClient, GbfsClient>();
        return services.AddHttpClient(FeedHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = PooledConnectionLifetime,
            });
    }
}
