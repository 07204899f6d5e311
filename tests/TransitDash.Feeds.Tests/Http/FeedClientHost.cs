using Microsoft.Extensions.DependencyInjection;
using TransitDash.Feeds.Http;

namespace TransitDash.Feeds.Tests.Http;

/// <summary>The feed clients as a host registers them, with the test's own touches to the named client.</summary>
internal static class FeedClientHost
{
    public static ServiceProvider Create(Action<IHttpClientBuilder>? configureClient = null, TimeProvider? timeProvider = null)
    {
        var services = new ServiceCollection();
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        var builder = services.AddTransitDashFeedClients();
        configureClient?.Invoke(builder);
        return services.BuildServiceProvider();
    }

    public static IFeedClient FeedClient(this ServiceProvider services) => services.GetRequiredService<IFeedClient>();
}
