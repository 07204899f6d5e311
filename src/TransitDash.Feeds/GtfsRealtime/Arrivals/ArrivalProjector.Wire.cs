using System.Text;
using TransitDash.Feeds.GtfsRealtime.Arrivals.Internal;
using TransitDash.Feeds.GtfsRealtime.Internal;

namespace TransitDash.Feeds.GtfsRealtime.Arrivals;

// The projection straight from payload bytes. It lists exactly what ParseTripFeed + Project lists, with
// the same logging, but decodes only the members arrivals need and makes strings only for listed trains.
public sealed partial class ArrivalProjector
{
    /// <summary>Projects arrivals straight from the payloads of trip feeds, without building the typed
    /// model: the result and the rule logging are exactly those of
    /// <see cref="GtfsRealtimeParser.ParseTripFeed"/> on each payload followed by <see cref="Project"/>,
    /// at a fraction of the time and allocation. The payloads are read before anything is projected.</summary>
    /// <param name="feeds">Each feed's configured name and payload bytes, in configured feed order; earlier feeds win duplicates.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The arrivals and each feed's header time and entity counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="feeds"/> or a feed name is null.</exception>
    /// <exception cref="FeedPayloadException">A payload is not a valid GTFS-Realtime feed message: the first
    /// such feed in order, with the problem <see cref="GtfsRealtimeParser.ParseTripFeed"/> reports. To keep
    /// the other feeds' arrivals, leave that feed out and call again (or check each payload once, when it
    /// arrives, by projecting it alone).</exception>
    public ProjectedArrivals ProjectFromWire(IReadOnlyList<(string FeedName, ReadOnlyMemory<byte> Payload)> feeds, DateTimeOffset now) =>
        ProjectFromWireReporting(feeds, now, null);

    /// <summary><see cref="ProjectFromWire"/>, also saying how each feed was read.</summary>
    /// <param name="feeds">The feeds.</param>
    /// <param name="now">The current time.</param>
    /// <param name="reports">Filled with one report per feed when not null (as long as <paramref name="feeds"/>).</param>
    internal ProjectedArrivals ProjectFromWireReporting(IReadOnlyList<(string FeedName, ReadOnlyMemory<byte> Payload)> feeds, DateTimeOffset now, WireReadReport[]? reports)
    {
        ArgumentNullException.ThrowIfNull(feeds);

        var earliest = now - _goneAfter;
        var latest = now + _horizon;
        var scratch = WireScratch.Rent();
        var parts = new WirePart[feeds.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            var (feedName, payload) = feeds[i];
            ArgumentNullException.ThrowIfNull(feedName, $"{nameof(feeds)}[{i}].{nameof(WirePart.FeedName)}");
            parts[i] = ReadPart(feedName, payload, earliest, latest, scratch);
        }

        if (reports is not null)
        {
            for (var i = 0; i < parts.Length; i++)
            {
                reports[i] = new WireReadReport(parts[i].Read.MatchedStops, parts[i].FallbackReason);
            }
        }

        return List(parts, earliest, latest, scratch.StopCount);
    }

    /// <summary>Reads one trip feed's payload once, for <see cref="ProjectRead"/> to project at any later time
    /// without reading the bytes again: a poller whose upstream answers "not modified" keeps the read, not just
    /// the bytes. Everything that does not depend on the time is settled here (the feed's validity, its header,
    /// the trips that stop at the configured stations and the rules that look at the header); only the time
    /// window of each projection is left.</summary>
    /// <param name="feedName">The feed's configured name.</param>
    /// <param name="payload">The payload bytes; the read refers to them, so they must not change.</param>
    /// <returns>The read, tied to this projector.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="feedName"/> is null.</exception>
    /// <exception cref="FeedPayloadException">The payload is not a valid GTFS-Realtime feed message (the
    /// problem <see cref="GtfsRealtimeParser.ParseTripFeed"/> reports).</exception>
    public WireTripFeed ReadFromWire(string feedName, ReadOnlyMemory<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(feedName);

        var scratch = WireScratch.Rent();
        var part = ReadPart(feedName, payload, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, scratch);
        return new WireTripFeed(this, part with { Scratch = scratch.Detach(), Windowed = false });
    }

    /// <summary>Projects feeds read before by <see cref="ReadFromWire"/>: exactly what projecting their
    /// payloads with <c>ProjectFromWire</c> at <paramref name="now"/> gives, without reading any byte again.</summary>
    /// <param name="feeds">The reads, in configured feed order; earlier feeds win duplicates.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The arrivals and each feed's header time and entity counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="feeds"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">A read was made by another projector (its stations may differ).</exception>
    public ProjectedArrivals ProjectRead(IReadOnlyList<WireTripFeed> feeds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(feeds);

        var parts = new WirePart[feeds.Count];
        var (earliest, latest) = (now - _goneAfter, now + _horizon);
        var stops = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var feed = feeds[i] ?? throw new ArgumentNullException(nameof(feeds), $"{nameof(feeds)}[{i}] is null.");
            if (!ReferenceEquals(feed.Projector, this))
            {
                throw new ArgumentException($"{nameof(feeds)}[{i}] ('{feed.FeedName}') was read by another projector.", nameof(feeds));
            }

            parts[i] = feed.Part;
            stops += CountInWindow(feed.Part.Scratch, earliest.UtcTicks, latest.UtcTicks);
        }

        return List(parts, earliest, latest, stops);
    }

    /// <summary>Lists the arrivals of read feeds inside the window, in feed order, first claim wins.</summary>
    private ProjectedArrivals List(WirePart[] parts, DateTimeOffset earliest, DateTimeOffset latest, int stopCapacity)
    {
        var summaries = new TripFeedSummary[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            summaries[i] = parts[i].Summary();
        }

        // As in Project: with no stations there is nothing to list and nothing to log.
        if (_stops.Count == 0)
        {
            return new ProjectedArrivals([], summaries);
        }

        var listed = new List<Listed>(stopCapacity);
        var seen = new HashSet<DedupeKey>(stopCapacity);
        foreach (var part in parts)
        {
            if (part.Typed is { } typed)
            {
                ProjectFeed(typed, (earliest, latest), listed, seen);
            }
            else
            {
                ListWirePart(part, earliest.UtcTicks, latest.UtcTicks, listed, seen);
            }
        }

        return new ProjectedArrivals(Sorted(listed), summaries);
    }

    private WirePart ReadPart(string feedName, ReadOnlyMemory<byte> payload, DateTimeOffset earliest, DateTimeOffset latest, WireScratch scratch)
    {
        var (trips, stops, vehicles) = (scratch.TripCount, scratch.StopCount, scratch.VehicleCount);
        try
        {
            return new WirePart(feedName, payload, ArrivalWireReader.Read(payload.Span, _stopLookup, _rules, earliest, latest, scratch), null, null, scratch);
        }
        catch (WireFallbackException declined)
        {
            // The typed parser gives the exact error for bad bytes, or the feed the wire reader declined.
            scratch.Truncate(trips, stops, vehicles);
            var typed = GtfsRealtimeParser.ParseTripFeed(feedName, payload.Span);
            return new WirePart(feedName, payload, new WireFeedRead { MatchedStops = CountMatches(typed) }, typed, declined.Message, scratch);
        }
    }

    // A read made for later projections holds stops at any time: only those inside the window are listed, as the
    // wire reader would have kept them reading with that window. A read made with the window has nothing else.
    private void ListWirePart(in WirePart part, long earliestTicks, long latestTicks, List<Listed> listed, HashSet<DedupeKey> seen)
    {
        var filter = !part.Windowed;
        var scratch = part.Scratch;
        var payload = part.Payload.Span;
        var read = part.Read;
        var tally = new RuleTally { StaleUnassigned = read.StaleUnassigned };
        for (var t = read.TripStart; t < read.TripEnd; t++)
        {
            ref readonly var trip = ref scratch.Trips[t];
            if (filter && !AnyInWindow(scratch, trip, earliestTicks, latestTicks))
            {
                // No strings for a trip that lists nothing now.
                continue;
            }

            var facts = new TripFacts(
                Text(payload, trip.TripId),
                Known(payload, trip.RouteId),
                Known(payload, trip.StartDate),
                Text(payload, trip.TrainId),
                trip.IsAssigned,
                trip.DirectionId,
                trip.NyctDirection,
                trip.HasNyctExtension);
            bool? stalled = null;
            for (var s = trip.FirstStop; s < trip.FirstStop + trip.StopCount; s++)
            {
                ref readonly var stop = ref scratch.Stops[s];
                if ((filter && !InWindow(stop, earliestTicks, latestTicks)) || !Claim(facts, stop.StopId, seen))
                {
                    continue;
                }

                stalled ??= CountStall(facts.IsMta && _rules.MarkStalledTrains && IsStalled(payload, trip, read, scratch), ref tally);
                var track = Known(payload, stop.ActualTrack.IsPresent ? stop.ActualTrack : stop.ScheduledTrack);
                var time = DateTimeOffset.FromUnixTimeSeconds(stop.Seconds);
                listed.Add(new Listed(NewArrival(facts, stop.Match, stop.StopId, time, track, stalled.Value, part.FeedName, ref tally), listed.Count));
            }
        }

        LogRuleHits(part.FeedName, tally);
    }

    // The reads hold stops at every time, most of them outside any one window.
    private static int CountInWindow(WireScratch scratch, long earliestTicks, long latestTicks)
    {
        var count = 0;
        for (var s = 0; s < scratch.StopCount; s++)
        {
            count += InWindow(scratch.Stops[s], earliestTicks, latestTicks) ? 1 : 0;
        }

        return count;
    }

    private static bool AnyInWindow(WireScratch scratch, in WireTrip trip, long earliestTicks, long latestTicks)
    {
        for (var s = trip.FirstStop; s < trip.FirstStop + trip.StopCount; s++)
        {
            if (InWindow(scratch.Stops[s], earliestTicks, latestTicks))
            {
                return true;
            }
        }

        return false;
    }

    // The wire reader's own test, for reads made without a window.
    private static bool InWindow(in WireStop stop, long earliestTicks, long latestTicks)
    {
        var ticks = DateTimeOffset.UnixEpoch.Ticks + (stop.Seconds * TimeSpan.TicksPerSecond);
        return ticks >= earliestTicks && ticks <= latestTicks;
    }

    // The first vehicle of the feed with the trip's key, as the typed path's first-wins dictionary finds it.
    private bool IsStalled(ReadOnlySpan<byte> payload, in WireTrip trip, in WireFeedRead read, WireScratch scratch)
    {
        if (read.HeaderTime is not { } header || !trip.TripId.IsPresent)
        {
            return false;
        }

        for (var v = read.VehicleStart; v < read.VehicleEnd; v++)
        {
            ref readonly var vehicle = ref scratch.Vehicles[v];
            if (Same(payload, vehicle.TripId, trip.TripId) && Same(payload, vehicle.StartDate, trip.StartDate) && Same(payload, vehicle.TrainId, trip.TrainId))
            {
                return header - DateTimeOffset.FromUnixTimeSeconds(vehicle.Timestamp) > _rules.StalledAfter;
            }
        }

        return false;
    }

    private static bool Same(ReadOnlySpan<byte> payload, Utf8Slice a, Utf8Slice b) =>
        a.IsPresent == b.IsPresent
        && (!a.IsPresent || payload.Slice(a.Start, a.Length).SequenceEqual(payload.Slice(b.Start, b.Length)));

    private static string? Text(ReadOnlySpan<byte> payload, Utf8Slice slice) =>
        slice.IsPresent ? Encoding.UTF8.GetString(payload.Slice(slice.Start, slice.Length)) : null;

    // Route ids, start dates and tracks take few values: one string each, not one per arrival.
    private string? Known(ReadOnlySpan<byte> payload, Utf8Slice slice) =>
        slice.IsPresent ? _strings.Get(payload.Slice(slice.Start, slice.Length)) : null;

    // Deleted entities are already gone from the typed feed, as the wire pass leaves them out.
    private int CountMatches(GtfsRealtimeFeed feed)
    {
        var matched = 0;
        foreach (var update in feed.TripUpdates)
        {
            foreach (var stopTime in update.StopTimeUpdates)
            {
                matched += stopTime.StopId is { } stopId && _stops.ContainsKey(stopId) ? 1 : 0;
            }
        }

        return matched;
    }

    /// <summary>One feed after the wire pass: read from the wire (its trips, stops and vehicles in
    /// <see cref="Scratch"/>), or parsed by the typed parser.</summary>
    internal readonly record struct WirePart(string FeedName, ReadOnlyMemory<byte> Payload, WireFeedRead Read, GtfsRealtimeFeed? Typed, string? FallbackReason, WireScratch Scratch)
    {
        /// <summary>True when read with the projection's window, so every stop held is inside it.</summary>
        public bool Windowed { get; init; } = true;

        public TripFeedSummary Summary() => Typed is { } typed
            ? new TripFeedSummary(FeedName, typed.HeaderTime, typed.TripUpdates.Count, typed.VehiclePositions.Count)
            : new TripFeedSummary(FeedName, Read.HeaderTime, Read.TripUpdates, Read.VehiclePositions);
    }
}
