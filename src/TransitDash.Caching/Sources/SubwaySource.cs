using System.Globalization;
using Microsoft.Extensions.Logging;
using TransitDash.Feeds;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Feeds.GtfsStatic;
using TransitDash.Feeds.Http;
using TransitDash.Internal;
using TransitDash.Options;
using TransitDash.Polling;
using TransitDash.Resilience;
using TransitDash.Snapshots;

namespace TransitDash.Sources;

/// <summary>The subway: every configured GTFS-Realtime feed fetched concurrently each cycle. Each feed's last
/// good payload (the client checks it without building the typed model) is read from the wire once, when it
/// arrives, and that read is kept, so a feed that fails leaves its previous part in the merge and a feed that
/// answers "not modified" costs no read at all. The held reads (configured feed order) are projected into
/// arrivals every cycle, since which trains are listed depends on the time. A cycle in which any feed failed
/// is a failed attempt that names the feeds.</summary>
internal sealed class SubwaySource : IPolledSource<SubwayBoard>
{
    private readonly SubwayOptions _options;
    private readonly long _maxResponseBytes;
    private readonly IGtfsRealtimeClient _client;
    private readonly IFeedClient _feedClient;
    private readonly Func<StopCatalog?, IArrivalProjection> _createProjection;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly FeedState[] _feeds;
    private readonly HashSet<string> _warningsLogged = new(StringComparer.Ordinal);
    private Setup? _setup;

    public SubwaySource(
        SubwayOptions options,
        ResilienceOptions resilience,
        TimeSpan? frozenAfter,
        IGtfsRealtimeClient client,
        IFeedClient feedClient,
        Func<StopCatalog?, IArrivalProjection> createProjection,
        FeedPipelines pipelines,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _options = options;
        _maxResponseBytes = resilience.MaxResponseBytes;
        _client = client;
        _feedClient = feedClient;
        _createProjection = createProjection;
        _timeProvider = timeProvider;
        _logger = logger;
        _feeds = options.Feeds.Select(f => new FeedState(
            new GtfsRealtimeFeedSource(f.Name, f.Url)
            {
                ApiKey = string.IsNullOrEmpty(options.ApiKey) ? null : options.ApiKey,
                MaxResponseBytes = resilience.MaxResponseBytes,
                FrozenAfter = frozenAfter,
                PayloadOnly = true,
            },
            pipelines.For(TransitDashSources.Subway, f.Name))).ToArray();
    }

    public string Name => TransitDashSources.Subway;

    public TimeSpan PollInterval => _options.PollInterval;

    public async Task<PollResult<SubwayBoard>> FetchAsync(CancellationToken cancellationToken)
    {
        var setup = _setup ??= await SetUpAsync(cancellationToken).ConfigureAwait(false);
        var polls = await Task.WhenAll(_feeds.Select(feed => PollFeedAsync(feed, cancellationToken))).ConfigureAwait(false);
        var attempts = polls.SelectMany(p => p.Attempts).ToArray();

        var failed = polls.Where(p => !p.Succeeded).Select(p => p.Error!).ToArray();
        var error = failed.Length == 0 ? null : CycleError(failed);

        // Nothing answered this cycle: nothing new to publish, whatever was held stays as it was (so do the
        // summaries of the last projection, which describe exactly those payloads).
        if (failed.Length == _feeds.Length)
        {
            return PollResult.Failure<SubwayBoard>(error!) with { Attempts = attempts, Warnings = Warnings(setup) };
        }

        var now = _timeProvider.GetUtcNow();
        foreach (var feed in _feeds)
        {
            feed.ReadNewPayload(setup.Projection);
        }

        var arrivals = Project(setup.Projection, now);
        var warnings = Warnings(setup);
        var board = new SubwayBoard(arrivals, setup.Stations, _feeds.Select(f => f.State()).ToArray(), now);
        var result = error is null ? PollResult.Success<SubwayBoard>(board) : PollResult.Partial<SubwayBoard>(board, error);
        var stations = arrivals.Select(a => a.Station).Distinct(StringComparer.Ordinal).Count();
        return result with
        {
            Attempts = attempts,
            Warnings = warnings,
            UpstreamTime = board.NewestHeaderTime,
            EntityCount = arrivals.Count,
            Summary = string.Create(CultureInfo.InvariantCulture, $"Fetched {arrivals.Count} arrivals from {stations} stations"),
        };
    }

    /// <summary>One feed's poll through its own pipeline, so its retries and breaker hold up no other feed.</summary>
    private async Task<FeedPoll<GtfsRealtimeFetchResult>> PollFeedAsync(FeedState feed, CancellationToken cancellationToken)
    {
        var poll = await feed.Pipeline.PollAsync(
            ct => _client.FetchAsync(feed.Source, ct),
            result => [feed.Describe(result)],
            PollInterval,
            cancellationToken).ConfigureAwait(false);
        if (!poll.Succeeded)
        {
            feed.LastAttemptFailed = true;
            return poll;
        }

        feed.Succeeded(poll.Result!, _timeProvider.GetUtcNow());

        // The producer's time of what the feed now holds belongs to the request that brought (or confirmed) it.
        var attempts = poll.Attempts.ToArray();
        var last = Array.FindLastIndex(attempts, a => a.Feed == feed.Source.Name && a.Outcome != AttemptOutcome.Error);
        if (last >= 0)
        {
            attempts[last] = attempts[last] with { UpstreamTime = feed.HeaderTime };
        }

        return poll with { Attempts = attempts };
    }

    /// <summary>Projects every held read, in configured feed order, and keeps each feed's summary.</summary>
    private IReadOnlyList<Arrival> Project(IArrivalProjection projection, DateTimeOffset now)
    {
        var held = _feeds.Where(f => f.Read is not null).ToArray();
        var projected = projection.Project(held.Select(f => f.Read!).ToArray(), now);
        for (var i = 0; i < held.Length; i++)
        {
            held[i].Summary = projected.Feeds[i];
        }

        return projected.Arrivals;
    }

    private string[] Warnings(Setup setup)
    {
        var warnings = setup.Warnings.Concat(_feeds.SelectMany(f => f.Warnings)).ToArray();
        LogNewWarnings(warnings);
        return warnings;
    }

    private FeedException CycleError(FeedException[] failed)
    {
        var detail = string.Join("; ", failed.Select(e => $"{e.FeedName} ({e.Kind.ToWireName()}): {e.Message}"));
        return new FeedException(Name, failed[0].Kind, $"{failed.Length} of {_feeds.Length} feeds failed: {detail}");
    }

    /// <summary>Loads the static GTFS (a failure is a warning), resolves station names and builds the projection.</summary>
    private async Task<Setup> SetUpAsync(CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        StopCatalog? catalog = null;
        if (!string.IsNullOrWhiteSpace(_options.StaticGtfs))
        {
            try
            {
                catalog = await StopCatalogLoader.LoadAsync(_options.StaticGtfs, _feedClient, _maxResponseBytes, cancellationToken).ConfigureAwait(false);
                Log.StaticGtfsLoaded(_logger, catalog.Count);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception)
            {
                var problem = exception is FeedException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
                Log.StaticGtfsFailed(_logger, problem);
                warnings.Add($"Static GTFS could not be loaded: {problem}");
            }
        }

        var stations = new List<SubwayStation>();
        foreach (var configured in _options.Stations)
        {
            var name = string.IsNullOrWhiteSpace(configured.Name) ? null : configured.Name;
            if (configured.StopIds.Count == 0)
            {
                warnings.Add($"Station '{name}' has no stop ids, so it lists no arrivals.");
            }

            foreach (var stopId in configured.StopIds)
            {
                if (catalog is not null && !catalog.TryGetStationName(stopId, out _))
                {
                    warnings.Add($"Stop id '{stopId}'{(name is null ? string.Empty : $" ({name})")} is not in the static GTFS.");
                }
            }

            var resolved = name ?? configured.StopIds.Select(CatalogName).FirstOrDefault(n => n is not null) ?? configured.StopIds.FirstOrDefault() ?? string.Empty;
            stations.Add(new SubwayStation(resolved, configured.StopIds.ToArray()));
        }

        return new Setup(_createProjection(catalog), stations, warnings);

        string? CatalogName(string stopId) => catalog is not null && catalog.TryGetStationName(stopId, out var found) ? found : null;
    }

    private void LogNewWarnings(IEnumerable<string> warnings)
    {
        foreach (var warning in warnings)
        {
            if (_warningsLogged.Add(warning))
            {
                Log.SourceWarning(_logger, "Subway", warning);
            }
        }
    }

    private sealed record Setup(IArrivalProjection Projection, IReadOnlyList<SubwayStation> Stations, IReadOnlyList<string> Warnings);

    /// <summary>One configured feed across cycles: its pipeline, its last good payload and the read of it, what the
    /// last projection found in it and when it last answered.</summary>
    private sealed class FeedState(GtfsRealtimeFeedSource source, FeedPipeline pipeline)
    {
        private ReadOnlyMemory<byte>? _unread;

        public GtfsRealtimeFeedSource Source => source;

        public FeedPipeline Pipeline => pipeline;

        /// <summary>The read of the last payload the client accepted; null before any.</summary>
        public object? Read { get; private set; }

        /// <summary>Reads the payload that arrived this cycle, if one did. The client accepted it only once the
        /// same wire reading took it, so it is not rejected here; should it be, the cycle fails and the previous
        /// read stays (the payload is read once either way).</summary>
        public void ReadNewPayload(IArrivalProjection projection)
        {
            if (_unread is { } payload)
            {
                _unread = null;
                Read = projection.Read(source.Name, payload);
            }
        }

        /// <summary>The held payload's header time as the client read it when it arrived, for the attempt that
        /// brought or confirmed it (the projection comes after the attempts are recorded).</summary>
        public DateTimeOffset? HeaderTime { get; private set; }

        /// <summary>What the latest projection read in the held payload.</summary>
        public TripFeedSummary? Summary { get; set; }

        public DateTimeOffset? LastSuccess { get; private set; }

        public bool LastAttemptFailed { get; set; }

        public IReadOnlyList<string> Warnings => Summary is { HeaderTime: null }
            ? [$"Feed '{source.Name}' has no header timestamp."]
            : [];

        public void Succeeded(GtfsRealtimeFetchResult result, DateTimeOffset now)
        {
            // "Not modified" keeps the payload held: it is still the newest the producer has.
            if (!result.NotModified)
            {
                _unread = result.Response.Body;
                HeaderTime = result.HeaderTime;
            }

            LastSuccess = now;
            LastAttemptFailed = false;
        }

        /// <summary>The record of a fetch whose request the pipeline did not see.</summary>
        public FeedAttempt Describe(GtfsRealtimeFetchResult result)
        {
            var response = result.Response;
            return new FeedAttempt(
                response.ReceivedAt,
                source.Name,
                result.NotModified ? AttemptOutcome.NotModified : AttemptOutcome.Ok,
                response.StatusCode,
                response.Latency,
                response.Body.Length);
        }

        public SubwayFeedState State() => new(
            source.Name,
            LastSuccess,
            Summary?.HeaderTime,
            Summary?.TripUpdates ?? 0,
            Summary?.VehiclePositions ?? 0,
            LastAttemptFailed)
        {
            Warnings = Warnings,
        };
    }
}
