using Microsoft.Extensions.DependencyInjection;

namespace TransitDash.Feeds.Http.Internal;

/// <summary>The builder of the feeds' named client handed back by a repeated
/// <see cref="FeedsServiceCollectionExtensions.AddTransitDashFeedClients"/>; the <c>IHttpClientBuilder</c>
/// extensions only need the name and the services.</summary>
internal sealed class FeedHttpClientBuilder(IServiceCollection services, string name) : IHttpClientBuilder
{
    public string Name { get; } = name;

    public IServiceCollection Services { get; } = services;
}
