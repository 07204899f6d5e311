using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using TransitDash.Feeds.Gbfs;
using TransitDash.Feeds.Internal;

namespace TransitDash.Feeds.Http.Internal;

/// <summary>Fetches a GBFS system: the discovery document (again once it is an hour old, or when a
/// listed feed has gone), then the three documents the join needs, each by conditional GET. The last
/// good bytes of each document are kept, so a change in one re-joins with the others' cached bytes.</summary>
internal sealed class GbfsClient(IFeedClient feedClient, TimeProvider timeProvider, ILogger<GbfsClient> logger) : IGbfsClient
{
    /// <summary>How long a discovery document is trusted before it is read again.</summary>
    internal static readonly TimeSpan DiscoveryMaxAge = TimeSpan.FromHours(1);

    private const string DiscoveryFileName = "gbfs.json";
    private const string DiscoveryFeedName = "gbfs";
    private const string StationInformation = "station_information";
    private const string StationStatus = "station_status";
    private const string VehicleTypes = "vehicle_types";

    // Each fetch reads one state and publishes a new one, so overlapping fetches of a source cannot
    // mix documents of different moments; the later one simply wins.
    private readonly ConcurrentDictionary<(string Name, string DiscoveryUrl, string Language), SourceState> states = new();
    private readonly GbfsSnapshotReplay snapshots = new();

    public async Task<GbfsFetchResult> FetchAsync(GbfsSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(source.Name, nameof(source));

        var key = (source.Name, source.DiscoveryUrl, source.Language);
        var (discoveryLocation, snapshot) = Locate(source);
        var state = states.GetValueOrDefault(key) ?? SourceState.Empty;
        var responses = new List<FeedResponse>();

        var discoveryRead = false;
        if (state.Discovery is null || timeProvider.GetUtcNow() - state.DiscoveryReadAt >= DiscoveryMaxAge)
        {
            Log.GbfsDiscoveryRead(logger, source.Name, state.Discovery is null ? "first fetch" : "older than an hour");
            state = states[key] = await ReadDiscoveryAsync(source, discoveryLocation, state, conditional: true, responses, cancellationToken).ConfigureAwait(false);
            discoveryRead = true;
        }

        IReadOnlyList<Document> documents;
        try
        {
            documents = await FetchDocumentsAsync(source, discoveryLocation, snapshot, state, cancellationToken).ConfigureAwait(false);
        }
        catch (FeedHttpException e) when (e.StatusCode == HttpStatusCode.NotFound && !discoveryRead)
        {
            // A moved feed is announced by a new discovery document; read it unconditionally and try once more.
            Log.GbfsDiscoveryRead(logger, source.Name, "a listed feed answered 404");
            state = states[key] = await ReadDiscoveryAsync(source, discoveryLocation, state, conditional: false, responses, cancellationToken).ConfigureAwait(false);
            documents = await FetchDocumentsAsync(source, discoveryLocation, snapshot, state, cancellationToken).ConfigureAwait(false);
        }

        responses.AddRange(documents.Select(d => d.Response));
        var sameDocuments = documents.Count == state.Documents.Count && documents.All(d => state.Documents.ContainsKey(d.Name));
        if (sameDocuments && documents.All(d => d.Response.NotModified))
        {
            return new GbfsFetchResult(null, responses);
        }

        var bodies = documents.ToDictionary(d => d.Name, d => d.Cached.Body);
        var system = GbfsParser.ParseSystem(
            new GbfsParser.DocumentFeeds($"{source.Name}/{StationInformation}", $"{source.Name}/{StationStatus}", $"{source.Name}/{VehicleTypes}"),
            bodies[StationInformation].Span,
            bodies[StationStatus].Span,
            bodies.GetValueOrDefault(VehicleTypes).Span,
            source.Language);

        states[key] = state with { Documents = documents.ToDictionary(d => d.Name, d => d.Cached) };
        return new GbfsFetchResult(system, responses);
    }

    private async Task<SourceState> ReadDiscoveryAsync(
        GbfsSource source,
        FeedLocation location,
        SourceState state,
        bool conditional,
        List<FeedResponse> responses,
        CancellationToken cancellationToken)
    {
        var feedName = $"{source.Name}/{DiscoveryFeedName}";
        var request = new FeedRequest(feedName, location.LocalPath ?? source.DiscoveryUrl)
        {
            ApiKey = source.ApiKey,
            MaxResponseBytes = source.MaxResponseBytes,
        };
        var validators = conditional && state.Discovery is not null ? state.DiscoveryValidators : null;
        var response = await feedClient.GetAsync(validators?.ApplyTo(request) ?? request, cancellationToken).ConfigureAwait(false);
        responses.Add(response);
        PayloadChecks.ThrowIfUnaskedNotModified(response, validators is not null);
        if (response.NotModified)
        {
            return state with { DiscoveryReadAt = timeProvider.GetUtcNow() };
        }

        PayloadChecks.ThrowIfNotJson(response);
        var discovery = GbfsParser.ParseDiscovery(feedName, response.Body.Span, source.Language);
        return state with
        {
            Discovery = discovery,
            DiscoveryValidators = Validators.From(response),
            DiscoveryReadAt = timeProvider.GetUtcNow(),
        };
    }

    private async Task<IReadOnlyList<Document>> FetchDocumentsAsync(GbfsSource source, FeedLocation discoveryLocation, GbfsSnapshot? snapshot, SourceState state, CancellationToken cancellationToken)
    {
        var discovery = state.Discovery!;
        var names = new List<string> { StationInformation, StationStatus };
        if (discovery.Feeds.ContainsKey(VehicleTypes))
        {
            names.Add(VehicleTypes);
        }

        var fetches = names.Select(name => FetchDocumentAsync(source, name, ListedUrl(source, discoveryLocation, snapshot, discovery, name), state, cancellationToken));
        return await Task.WhenAll(fetches).ConfigureAwait(false);
    }

    private async Task<Document> FetchDocumentAsync(GbfsSource source, string name, string url, SourceState state, CancellationToken cancellationToken)
    {
        var request = new FeedRequest($"{source.Name}/{name}", url)
        {
            ApiKey = source.ApiKey,
            MaxResponseBytes = source.MaxResponseBytes,
        };

        // Validators are only worth sending with bytes to fall back on, from the same URL.
        var cached = state.Documents.GetValueOrDefault(name) is { } document && document.Url == url ? document : null;
        var validators = cached?.Validators;
        var response = await feedClient.GetAsync(validators?.ApplyTo(request) ?? request, cancellationToken).ConfigureAwait(false);
        PayloadChecks.ThrowIfUnaskedNotModified(response, validators is not null);
        if (response.NotModified)
        {
            return new Document(name, response, cached!);
        }

        PayloadChecks.ThrowIfNotJson(response);
        return new Document(name, response, new CachedDocument(url, response.Body, Validators.From(response)));
    }

    /// <summary>Where this fetch reads the discovery: its URL or file; for a folder, its <c>gbfs.json</c>;
    /// for a folder of snapshots (<see cref="GbfsSnapshotReplay"/>), the next snapshot's.</summary>
    private (FeedLocation Discovery, GbfsSnapshot? Snapshot) Locate(GbfsSource source)
    {
        var location = FeedLocation.Parse(source.Name, source.DiscoveryUrl);
        if (location.LocalPath is not { } path || !Directory.Exists(path))
        {
            return (location, null);
        }

        var discoveryFile = Path.Combine(path, DiscoveryFileName);
        return !File.Exists(discoveryFile) && snapshots.Next(source.Name, path) is { } snapshot
            ? (location with { LocalPath = snapshot.PathOf(DiscoveryFileName) }, snapshot)
            : (location with { LocalPath = discoveryFile }, null);
    }

    /// <summary>Where to fetch a listed feed: its URL, resolved against the discovery URL; or, for a
    /// discovery read from disk, the file of the same name beside it (in a snapshot recording, the
    /// snapshot's, else the latest earlier snapshot's).</summary>
    private static string ListedUrl(GbfsSource source, FeedLocation discoveryLocation, GbfsSnapshot? snapshot, GbfsDiscovery discovery, string name)
    {
        if (!discovery.Feeds.TryGetValue(name, out var listed))
        {
            throw new FeedPayloadException($"{source.Name}/{DiscoveryFeedName}", $"the discovery document lists no {name} feed");
        }

        if (discoveryLocation.LocalPath is { } discoveryFile)
        {
            var path = listed.IsAbsoluteUri ? listed.AbsolutePath : listed.OriginalString.Split('?', '#')[0];
            var fileName = Path.GetFileName(Uri.UnescapeDataString(path));
            fileName = fileName.Length == 0 ? $"{name}.json" : fileName;
            return snapshot?.PathOf(fileName) ?? Path.Combine(Path.GetDirectoryName(discoveryFile)!, fileName);
        }

        var absolute = listed.IsAbsoluteUri ? listed : new Uri(discoveryLocation.HttpUri!, listed);

        // A document from the network must not point the client at this machine's files.
        if (absolute.Scheme != Uri.UriSchemeHttp && absolute.Scheme != Uri.UriSchemeHttps)
        {
            throw new FeedPayloadException($"{source.Name}/{DiscoveryFeedName}", $"the discovery document lists a {absolute.Scheme} URL for {name}; only http and https are fetched");
        }

        return listed.IsAbsoluteUri ? listed.OriginalString : absolute.AbsoluteUri;
    }

    private sealed record SourceState(
        GbfsDiscovery? Discovery,
        Validators? DiscoveryValidators,
        DateTimeOffset DiscoveryReadAt,
        Dictionary<string, CachedDocument> Documents)
    {
        public static readonly SourceState Empty = new(null, null, DateTimeOffset.MinValue, new Dictionary<string, CachedDocument>());
    }

    /// <summary>The last bytes of a document that went into a successful join.</summary>
    private sealed record CachedDocument(string Url, ReadOnlyMemory<byte> Body, Validators? Validators);

    private sealed record Document(string Name, FeedResponse Response, CachedDocument Cached);
}
