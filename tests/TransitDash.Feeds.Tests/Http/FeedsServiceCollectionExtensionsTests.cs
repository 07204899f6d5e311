using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using TransitDash.Feeds.Http;

namespace TransitDash.Feeds.Tests.Http;

public sealed class FeedsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddTransitDashFeedClients_RegistersTheClientsAsSingletons()
    {
        using var provider = new ServiceCollection().AddTransitDashFeedClients().Services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<IFeedClient>(), provider.GetRequiredService<IFeedClient>());
        Assert.Same(provider.GetRequiredService<IGtfsRealtimeClient>(), provider.GetRequiredService<IGtfsRealtimeClient>());
        Assert.Same(provider.GetRequiredService<IGbfsClient>(), provider.GetRequiredService<IGbfsClient>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddTransitDashFeedClients_CalledTwice_RegistersNothingTwice()
    {
        var services = new ServiceCollection();
        services.AddTransitDashFeedClients();
        var descriptors = services.Count;
        using var once = services.BuildServiceProvider();
        var handlerActions = HandlerActions(once);

        var builder = services.AddTransitDashFeedClients();
        using var twice = services.BuildServiceProvider();

        Assert.Equal(descriptors, services.Count);
        Assert.Equal(handlerActions, HandlerActions(twice));
        Assert.Equal(FeedsServiceCollectionExtensions.FeedHttpClientName, builder.Name);
    }

    [Fact]
    public void AddTransitDashFeedClients_SecondBuilder_ConfiguresTheSameClient()
    {
        var services = new ServiceCollection();
        services.AddTransitDashFeedClients();

        services.AddTransitDashFeedClients().ConfigureHttpClient(c => c.Timeout = TimeSpan.FromSeconds(7));
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(FeedsServiceCollectionExtensions.FeedHttpClientName);
        Assert.Equal(TimeSpan.FromSeconds(7), client.Timeout);
    }

    [Fact]
    public void AddTransitDashFeedClients_KeepsAnEarlierTimeProvider()
    {
        var services = new ServiceCollection();
        var fake = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        services.AddSingleton<TimeProvider>(fake);

        using var provider = services.AddTransitDashFeedClients().Services.BuildServiceProvider();

        Assert.Same(fake, provider.GetRequiredService<TimeProvider>());
    }

    private static int HandlerActions(ServiceProvider provider) =>
        provider.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>()
            .Get(FeedsServiceCollectionExtensions.FeedHttpClientName).HttpMessageHandlerBuilderActions.Count;
}
