using TransitDash.Feeds.GtfsStatic;
using TransitDash.Feeds.Http;

namespace TransitDash.Sources;

/// <summary>Loads the static GTFS that <c>Subway:StaticGtfs</c> names: a local <c>stops.txt</c> or GTFS zip,
/// or one fetched over http(s) through the feed client (same size cap, same handlers).</summary>
internal static class StopCatalogLoader
{
    private const string FeedName = "static-gtfs";

    public static async Task<StopCatalog> LoadAsync(string location, IFeedClient client, long maxBytes, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            var response = await client.GetAsync(new FeedRequest(FeedName, location) { MaxResponseBytes = maxBytes }, cancellationToken).ConfigureAwait(false);
            return Parse(response.Body);
        }

        return StopCatalog.Load(uri is { IsFile: true } ? uri.LocalPath : location);
    }

    private static StopCatalog Parse(ReadOnlyMemory<byte> body)
    {
        using var stream = new MemoryStream(body.ToArray(), writable: false);

        // A zip starts with its local file header signature "PK\x03\x04"; anything else is read as stops.txt.
        if (body.Length >= 4 && body.Span[0] == (byte)'P' && body.Span[1] == (byte)'K' && body.Span[2] == 3 && body.Span[3] == 4)
        {
            return StopCatalog.ParseGtfsZip(stream);
        }

        using var reader = new StreamReader(stream);
        return StopCatalog.ParseStopsTxt(reader);
    }
}
