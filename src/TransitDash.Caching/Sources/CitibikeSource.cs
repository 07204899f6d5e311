using System.Globalization;
using Microsoft.Extensions.Logging;
using TransitDash.Feeds;
using TransitDash.Feeds.Gbfs;
using TransitDash.Feeds.Http;
using TransitDash.Internal;
using TransitDash.Options;
using TransitDash.Polling;
using TransitDash.Resilience;
using TransitDash.Snapshots;

namespace TransitDash.Sources;

/// <summary>The bikes: a GBFS system projected to the configured stations' dock status. Configured stations
/// the system lacks are warnings (in metadata, so <c>/api/health</c> shows them), not failures.</summary>
internal sealed class CitibikeSource : IPolledSource<BikeBoard>
{
    private readonly CitibikeOptions _options;
    private readonly IGbfsClient _client;
    private readonly ILogger _logger;
    private readonly GbfsSource _source;
    private readonly BikeStationSelection _selection;
    private readonly FeedPipeline _pipeline;
    private readonly HashSet<string> _warningsLogged = new(StringComparer.Ordinal);
    private GbfsSystem? _system;
    private BikeBoard? _board;

    public CitibikeSource(CitibikeOptions options, ResilienceOptions resilience, IGbfsClient client, FeedPipelines pipelines, ILogger logger)
    {
        _pipeline = pipelines.For(TransitDashSources.Citibike, TransitDashSources.Citibike);
        _options = options;
        _client = client;
        _logger = logger;
        _source = new GbfsSource(TransitDashSources.Citibike, options.DiscoveryUrl)
        {
            Language = options.Language,
            MaxResponseBytes = resilience.MaxResponseBytes,
        };
        _selection = new BikeStationSelection(
            options.Stations.Select(s => new BikeStationReference(Blank(s.Id), Blank(s.Name))).ToArray(),
            options.Near is { RadiusM: > 0 } near ? new GeoCircle(near.Lat, near.Lon, near.RadiusM) : null);
    }

    public string Name => TransitDashSources.Citibike;

    public TimeSpan PollInterval => _options.PollInterval;

    public async Task<PollResult<BikeBoard>> FetchAsync(CancellationToken cancellationToken)
    {
        // One pipeline for the whole system: a poll reads several documents that only make sense joined.
        var poll = await _pipeline.PollAsync(FetchSystemAsync, Describe, PollInterval, cancellationToken).ConfigureAwait(false);
        if (!poll.Succeeded)
        {
            return PollResult.Failure<BikeBoard>(poll.Error!) with { Attempts = poll.Attempts };
        }

        var result = poll.Result!;
        var attempts = poll.Attempts;
        if (result.System is { } system)
        {
            _system = system;
            var projection = DockStatusProjector.Project(system, _selection);
            _board = new BikeBoard(projection.Stations, system.LastUpdated, system.Ttl, system.Version)
            {
                MissingStations = projection.MissingStations,
                StationsWithoutStatus = projection.StationsWithoutStatus,
            };
        }

        // Projection depends only on the system, so an unchanged system keeps the board it had.
        var board = _board!;
        var warnings = board.MissingStations.Select(s => $"Station '{s}' is not in the GBFS feed.")
            .Concat(board.StationsWithoutStatus.Select(s => $"Station '{s}' has no entry in station_status."))
            .ToArray();
        foreach (var warning in warnings.Where(_warningsLogged.Add))
        {
            Log.SourceWarning(_logger, "Citibike", warning);
        }

        return PollResult.Success<BikeBoard>(board) with
        {
            Attempts = attempts,
            Warnings = warnings,
            UpstreamTime = _system!.LastUpdated,
            EntityCount = board.Stations.Count,
            Summary = string.Create(CultureInfo.InvariantCulture, $"Fetched {board.Stations.Count} stations"),
        };
    }

    private async Task<GbfsFetchResult> FetchSystemAsync(CancellationToken cancellationToken)
    {
        var result = await _client.FetchAsync(_source, cancellationToken).ConfigureAwait(false);
        if (result.System is null && _board is null)
        {
            throw new FeedException(Name, FeedErrorKind.BadPayload, $"Feed '{Name}' answered 'not modified' before any data was read.");
        }

        return result;
    }

    /// <summary>The records of a fetch whose requests the pipeline did not see.</summary>
    private static FeedAttempt[] Describe(GbfsFetchResult result) => result.Responses.Select(r => new FeedAttempt(
        r.ReceivedAt,
        r.FeedName,
        r.NotModified ? AttemptOutcome.NotModified : AttemptOutcome.Ok,
        r.StatusCode,
        r.Latency,
        r.Body.Length)).ToArray();

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
