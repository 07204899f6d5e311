using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TransitDash.Feeds.GtfsRealtime.Arrivals.Internal;
using TransitDash.Feeds.GtfsStatic;
using TransitDash.Feeds.Internal;

namespace TransitDash.Feeds.GtfsRealtime.Arrivals;

/// <summary>Turns parsed trip feeds into the arrivals at the configured stations.</summary>
/// <remarks>
/// <para>A configured stop id matches the same id in a feed and the id followed by <c>N</c> or <c>S</c>
/// (an MTA platform). The direction is that suffix when a platform matched that way, else the NYCT
/// direction (north <c>N</c>, south <c>S</c>), else null. Each arrival uses the stop's arrival time,
/// else its departure time; stops with neither, skipped stops and cancelled or deleted trips are not
/// listed, nor are trains more than <see cref="ArrivalProjectorOptions.GoneAfter"/> gone or beyond
/// <see cref="ArrivalProjectorOptions.Horizon"/>.</para>
/// <para>One arrival is listed per (trip id, start date, NYCT train id, stop id): the first in feed
/// order, then entity order. The <see cref="ArrivalRules"/> apply only to trips carrying the NYCT
/// extension. A projector is immutable once built and safe to use from several threads.</para>
/// <para>A poller that only needs the arrivals can skip the typed model: <see cref="ProjectFromWire"/> reads the
/// payloads directly and lists exactly what <see cref="GtfsRealtimeParser.ParseTripFeed"/> followed by
/// <see cref="Project"/> lists, many times faster and with almost no allocation.</para>
/// </remarks>
public sealed partial class ArrivalProjector
{
    private readonly Dictionary<string, StopMatch> _stops;
    private readonly TimeSpan _horizon;
    private readonly TimeSpan _goneAfter;
    private readonly ArrivalRules _rules;
    private readonly ILogger _logger;
    private readonly StopLookup _stopLookup;
    private readonly Utf8StringCache _strings = new();

    /// <summary>Creates a projector.</summary>
    /// <param name="options">The stations, horizon and rules.</param>
    /// <param name="stopCatalog">Station names for stations configured by stop ids alone; null for none.</param>
    /// <param name="logger">Where rule hits are logged; null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A station, its stop id list or one of its stop ids is missing,
    /// or the horizon or gone-after time is negative.</exception>
    public ArrivalProjector(ArrivalProjectorOptions options, StopCatalog? stopCatalog = null, ILogger<ArrivalProjector>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Horizon < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(ArrivalProjectorOptions)}.{nameof(options.Horizon)} must not be negative (got {options.Horizon}).", nameof(options));
        }

        if (options.GoneAfter < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(ArrivalProjectorOptions)}.{nameof(options.GoneAfter)} must not be negative (got {options.GoneAfter}).", nameof(options));
        }

        _horizon = options.Horizon;
        _goneAfter = options.GoneAfter;
        _rules = options.Rules ?? throw new ArgumentException($"{nameof(ArrivalProjectorOptions)}.{nameof(options.Rules)} is null.", nameof(options));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _stops = BuildStopLookup(options, stopCatalog ?? StopCatalog.Empty);
        _stopLookup = new StopLookup(_stops);
    }

    /// <summary>Projects arrivals from feeds given in configured feed order.</summary>
    /// <param name="feeds">The parsed feeds; earlier feeds win duplicates.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The arrivals, soonest first (ties keep feed order, then entity order).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="feeds"/> is null.</exception>
    public IReadOnlyList<Arrival> Project(IEnumerable<GtfsRealtimeFeed> feeds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(feeds);

        if (_stops.Count == 0)
        {
            return [];
        }

        var listed = new List<Listed>();
        var seen = new HashSet<DedupeKey>();
        var window = (Earliest: now - _goneAfter, Latest: now + _horizon);
        foreach (var feed in feeds)
        {
            if (feed is not null)
            {
                ProjectFeed(feed, window, listed, seen);
            }
        }

        return Sorted(listed);
    }

    private static Arrival[] Sorted(List<Listed> listed)
    {
        // List<T>.Sort is not stable; the running sequence number makes it so.
        listed.Sort(static (a, b) =>
        {
            var byTime = a.Arrival.ArrivalTime.UtcTicks.CompareTo(b.Arrival.ArrivalTime.UtcTicks);
            return byTime != 0 ? byTime : a.Sequence.CompareTo(b.Sequence);
        });

        var result = new Arrival[listed.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = listed[i].Arrival;
        }

        return result;
    }

    private static Dictionary<string, StopMatch> BuildStopLookup(ArrivalProjectorOptions options, StopCatalog catalog)
    {
        var stations = options.Stations
            ?? throw new ArgumentException($"{nameof(ArrivalProjectorOptions)}.{nameof(options.Stations)} is null.", nameof(options));

        var stops = new Dictionary<string, StopMatch>(StringComparer.Ordinal);
        for (var i = 0; i < stations.Count; i++)
        {
            var station = stations[i] ?? throw new ArgumentException($"Stations[{i}] is null.", nameof(options));
            if (station.StopIds is null)
            {
                throw new ArgumentException($"Stations[{i}] ('{station.Name}') has no stop id list.", nameof(options));
            }

            var name = string.IsNullOrWhiteSpace(station.Name) ? CatalogName(station.StopIds, catalog) : station.Name;
            foreach (var stopId in station.StopIds)
            {
                if (string.IsNullOrWhiteSpace(stopId))
                {
                    throw new ArgumentException($"Stations[{i}] ('{station.Name}') has an empty stop id.", nameof(options));
                }

                // The first station to claim an id keeps it, so an id configured twice is listed once.
                var display = name ?? stopId;
                stops.TryAdd(stopId, new StopMatch(display, null));
                stops.TryAdd(stopId + "N", new StopMatch(display, "N"));
                stops.TryAdd(stopId + "S", new StopMatch(display, "S"));
            }
        }

        return stops;
    }

    private static string? CatalogName(IReadOnlyList<string> stopIds, StopCatalog catalog)
    {
        foreach (var stopId in stopIds)
        {
            if (stopId is not null && catalog.TryGetStationName(stopId, out var name))
            {
                return name;
            }
        }

        return null;
    }

    private void ProjectFeed(GtfsRealtimeFeed feed, (DateTimeOffset Earliest, DateTimeOffset Latest) window, List<Listed> listed, HashSet<DedupeKey> seen)
    {
        var header = feed.HeaderTime;
        var tally = default(RuleTally);
        Dictionary<VehicleKey, DateTimeOffset>? lastMoves = null;

        var updates = feed.TripUpdates;
        for (var t = 0; t < updates.Count; t++)
        {
            var update = updates[t];
            var trip = update.Trip;
            if (trip.ScheduleRelationship is TripScheduleRelationship.Canceled or TripScheduleRelationship.Deleted)
            {
                continue;
            }

            var mta = trip.HasNyctExtension;
            if (mta && _rules.DropStaleUnassignedTrips && IsStaleUnassigned(update, header))
            {
                tally.StaleUnassigned++;
                continue;
            }

            var facts = new TripFacts(trip.TripId, trip.RouteId, trip.StartDate, trip.TrainId, trip.IsAssigned, trip.DirectionId, trip.NyctDirection, mta);
            bool? stalled = null;
            var stopTimes = update.StopTimeUpdates;
            for (var s = 0; s < stopTimes.Count; s++)
            {
                var stopTime = stopTimes[s];
                if (stopTime.StopId is not { } stopId
                    || !_stops.TryGetValue(stopId, out var match)
                    || stopTime.ScheduleRelationship == StopScheduleRelationship.Skipped
                    || (stopTime.ArrivalTime ?? stopTime.DepartureTime) is not { } time
                    || time < window.Earliest
                    || time > window.Latest
                    || !Claim(facts, stopId, seen))
                {
                    continue;
                }

                stalled ??= CountStall(mta && _rules.MarkStalledTrains && IsStalled(feed, trip, header, ref lastMoves), ref tally);
                var track = stopTime.ActualTrack ?? stopTime.ScheduledTrack;
                listed.Add(new Listed(NewArrival(facts, match, stopId, time, track, stalled.Value, feed.FeedName, ref tally), listed.Count));
            }
        }

        LogRuleHits(feed.FeedName, tally);
    }

    // One key is listed once: the first in feed order, then entity order. Trips without an id are never deduplicated.
    private static bool Claim(in TripFacts trip, string stopId, HashSet<DedupeKey> seen) =>
        trip.TripId is null || seen.Add(new DedupeKey(trip.TripId, trip.StartDate, trip.TrainId, stopId));

    private static bool CountStall(bool stalled, ref RuleTally tally)
    {
        tally.Stalled += stalled ? 1 : 0;
        return stalled;
    }

    private Arrival NewArrival(in TripFacts trip, StopMatch match, string stopId, DateTimeOffset time, string? track, bool stalled, string feedName, ref RuleTally tally)
    {
        var routeId = trip.RouteId ?? string.Empty;
        return new Arrival(
            SubwayLines.RiderName(routeId),
            match.Station,
            Direction(match, trip, stopId, ref tally),
            routeId,
            stopId,
            time,
            trip.TripId ?? string.Empty,
            trip.StartDate,
            trip.TrainId,
            trip.IsAssigned,
            track,
            trip.DirectionId,
            stalled,
            feedName);
    }

    private string? Direction(StopMatch match, in TripFacts trip, string stopId, ref RuleTally tally)
    {
        var nyct = trip.NyctDirection switch
        {
            NyctDirection.North => "N",
            NyctDirection.South => "S",
            _ => null,
        };

        if (match.SuffixDirection is null)
        {
            return nyct;
        }

        if (nyct is null || string.Equals(nyct, match.SuffixDirection, StringComparison.Ordinal))
        {
            return match.SuffixDirection;
        }

        if (!_rules.PlatformSuffixWins)
        {
            return nyct;
        }

        if (tally.Contradictions++ == 0)
        {
            tally.FirstContradiction = (trip.TripId ?? string.Empty, stopId, trip.NyctDirection!.Value);
        }

        return match.SuffixDirection;
    }

    // A placeholder the MTA leaves in the feed after its scheduled start has passed without a train
    // being assigned: it would otherwise show as a train that never comes.
    private static bool IsStaleUnassigned(TripUpdate update, DateTimeOffset? header)
    {
        if (update.Trip.IsAssigned == true || header is not { } headerTime)
        {
            return false;
        }

        var stopTimes = update.StopTimeUpdates;
        for (var s = 0; s < stopTimes.Count; s++)
        {
            if ((stopTimes[s].ArrivalTime ?? stopTimes[s].DepartureTime) is { } first)
            {
                return first < headerTime;
            }
        }

        return false;
    }

    private bool IsStalled(GtfsRealtimeFeed feed, TripDescriptor trip, DateTimeOffset? header, ref Dictionary<VehicleKey, DateTimeOffset>? lastMoves)
    {
        if (header is not { } headerTime || trip.TripId is null)
        {
            return false;
        }

        // Built only for feeds that list an MTA trip, and once per feed.
        lastMoves ??= LastMoves(feed.VehiclePositions);
        return lastMoves.TryGetValue(new VehicleKey(trip.TripId, trip.StartDate, trip.TrainId), out var lastMove)
            && headerTime - lastMove > _rules.StalledAfter;
    }

    private static Dictionary<VehicleKey, DateTimeOffset> LastMoves(IReadOnlyList<VehiclePosition> vehicles)
    {
        var lastMoves = new Dictionary<VehicleKey, DateTimeOffset>();
        for (var v = 0; v < vehicles.Count; v++)
        {
            if (vehicles[v] is { Trip.TripId: { } tripId, Timestamp: { } timestamp } vehicle)
            {
                lastMoves.TryAdd(new VehicleKey(tripId, vehicle.Trip.StartDate, vehicle.Trip.TrainId), timestamp);
            }
        }

        return lastMoves;
    }

    private void LogRuleHits(string feedName, in RuleTally tally)
    {
        if (tally.Contradictions > 0)
        {
            var (tripId, stopId, nyct) = tally.FirstContradiction;
            Log.PlatformSuffixContradictsNyctDirection(_logger, feedName, tally.Contradictions, tripId, stopId, nyct);
        }

        if (tally.StaleUnassigned > 0)
        {
            Log.StaleUnassignedTripsDropped(_logger, feedName, tally.StaleUnassigned);
        }

        if (tally.Stalled > 0)
        {
            Log.StalledTrainsMarked(_logger, feedName, tally.Stalled, _rules.StalledAfter);
        }
    }

    private readonly record struct DedupeKey(string TripId, string? StartDate, string? TrainId, string StopId);

    private readonly record struct VehicleKey(string TripId, string? StartDate, string? TrainId);

    private readonly record struct Listed(Arrival Arrival, int Sequence);

    /// <summary>The trip members an arrival carries, from a typed descriptor or from the wire.</summary>
    private readonly record struct TripFacts(
        string? TripId,
        string? RouteId,
        string? StartDate,
        string? TrainId,
        bool? IsAssigned,
        uint? DirectionId,
        NyctDirection? NyctDirection,
        bool IsMta);

    private struct RuleTally
    {
        public int Contradictions;
        public int StaleUnassigned;
        public int Stalled;
        public (string TripId, string StopId, NyctDirection Nyct) FirstContradiction;
    }
}
