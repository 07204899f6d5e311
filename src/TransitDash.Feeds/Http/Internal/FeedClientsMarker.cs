namespace TransitDash.Feeds.Http.Internal;

/// <summary>Registered once by <see cref="FeedsServiceCollectionExtensions.AddTransitDashFeedClients"/> so a
/// second call registers nothing again.</summary>
internal sealed class FeedClientsMarker;
