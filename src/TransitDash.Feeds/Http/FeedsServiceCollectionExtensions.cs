using Microsoft.Extensions.DependencyInjection;

namespace TransitDash.Feeds.Http;

/// <summary>Registers the feed clients.</summary>
public static class FeedsServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="System.Net.Http.HttpClient"/> the feed clients use; configure
    /// it (handlers, resilience) through <c>services.AddHttpClient(FeedHttpClientName)</c>.</summary>
    public const string FeedHttpClientName = "TransitDash.Feeds";

    /// <summary>Registers <see cref="IFeedClient"/>, <see cref="IGtfsRealtimeClient"/> and
    /// <see cref="IGbfsClient"/> (singletons over <c>IHttpClientFactory</c>). Calling it twice registers nothing twice.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The builder of the feeds' HTTP client, for further configuration.</returns>
    public static IHttpClientBuilder AddTransitDashFeedClients(this IServiceCollection services)
        => throw new NotImplementedException();
}
