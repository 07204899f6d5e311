using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TransitDash.Feeds.Http;

namespace TransitDash.ConsoleHost.Recording;

/// <summary>The feed client the pollers use while recording: the library's own, with every payload written
/// as it arrives. The typed clients (GTFS-Realtime, GBFS) fetch through <see cref="IFeedClient"/>, so
/// decorating it records every feed.</summary>
internal sealed class RecordingFeedClient(IFeedClient inner, RecordingWriter writer) : IFeedClient
{
    public async Task<FeedResponse> GetAsync(FeedRequest request, CancellationToken cancellationToken = default)
    {
        var response = await inner.GetAsync(request, cancellationToken).ConfigureAwait(false);
        await writer.WriteAsync(request, response).ConfigureAwait(false);
        return response;
    }

    /// <summary>Wraps the registered <see cref="IFeedClient"/> (call after <c>AddTransitDash</c>, which
    /// registers it with TryAdd) in a recording one.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IFeedClient))
            ?? throw new InvalidOperationException("No IFeedClient is registered; call AddTransitDash first.");
        services.Replace(ServiceDescriptor.Singleton<IFeedClient>(provider => new RecordingFeedClient(
            Create(provider, registered),
            provider.GetRequiredService<RecordingWriter>())));
    }

    private static IFeedClient Create(IServiceProvider provider, ServiceDescriptor descriptor) => (IFeedClient)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
