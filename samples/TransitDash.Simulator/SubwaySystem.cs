using System.Globalization;
using Google.Protobuf;
using TransitDash.Feeds.GtfsRealtime.Wire;
using TransitDash.Feeds.GtfsRealtime.Wire.Nyct;

namespace TransitDash.Simulator;

/// <summary>A simulated subway: trains on the lines that serve the configured stations run on fixed
/// headways, approach, stop and leave; the feed for each configured feed name carries the routes whose
/// letters or digits the name contains (<c>1234567S</c> carries the 4, <c>NQRW</c> the R).</summary>
internal sealed class SubwaySystem
{
    // The lines at the FiDi stations TransitDash ships configured; stop ids elsewhere get a line
    // from their feed's name.
    private static readonly Dictionary<string, string[]> LinesByStop = new(StringComparer.OrdinalIgnoreCase)
    {
        ["419"] = ["4", "5"], ["420"] = ["4", "5"], ["230"] = ["2", "3"], ["M23"] = ["J", "Z"],
        ["139"] = ["1"], ["142"] = ["1"], ["R26"] = ["R", "W"], ["R27"] = ["R", "W"],
    };

    private static readonly Dictionary<string, int> HeadwayMinutes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["1"] = 5, ["2"] = 6, ["3"] = 8, ["4"] = 5, ["5"] = 7, ["J"] = 8, ["Z"] = 15, ["R"] = 7, ["W"] = 12,
    };

    private static readonly TimeSpan Lookahead = TimeSpan.FromMinutes(45);
    private static readonly TimeSpan BetweenStops = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, List<Route>> routesByFeed = new(StringComparer.OrdinalIgnoreCase);

    public SubwaySystem(DemoScenario scenario)
    {
        var routes = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, stopIds) in scenario.SubwayStations)
        {
            foreach (var stopId in stopIds)
            {
                var lines = LinesByStop.TryGetValue(stopId, out var known)
                    ? known
                    : [LineFromFeedName(scenario.SubwayFeeds.Count > 0 ? scenario.SubwayFeeds[0] : "1")];
                foreach (var line in lines)
                {
                    if (!routes.TryGetValue(line, out var stops))
                    {
                        routes[line] = stops = [];
                    }

                    if (!stops.Contains(stopId, StringComparer.OrdinalIgnoreCase))
                    {
                        stops.Add(stopId);
                    }
                }
            }
        }

        foreach (var feed in scenario.SubwayFeeds)
        {
            routesByFeed[feed] = [];
        }

        foreach (var (line, stops) in routes)
        {
            var feed = scenario.SubwayFeeds.FirstOrDefault(f => f.Contains(line, StringComparison.OrdinalIgnoreCase))
                ?? (scenario.SubwayFeeds.Count > 0 ? scenario.SubwayFeeds[0] : null);
            if (feed is not null)
            {
                var headway = TimeSpan.FromMinutes(HeadwayMinutes.GetValueOrDefault(line, 6));
                routesByFeed[feed].Add(new Route(line, stops, headway, Phase: TimeSpan.FromSeconds(Math.Abs(line.GetHashCode(StringComparison.Ordinal) % 240))));
            }
        }
    }

    /// <summary>The lines that serve a stop id in the demo.</summary>
    public static IEnumerable<string> LinesAt(string stopId) => LinesByStop.TryGetValue(stopId, out var lines) ? lines : [];

    public byte[] Feed(string feedName, DateTimeOffset now)
    {
        var header = new FeedHeader
        {
            GtfsRealtimeVersion = "1.0",
            Incrementality = FeedHeader.Types.Incrementality.FullDataset,
            Timestamp = (ulong)now.ToUnixTimeSeconds(),
        };
        var nyctHeader = new NyctFeedHeader { NyctSubwayVersion = "1.0" };
        var message = new FeedMessage { Header = header };
        foreach (var route in routesByFeed.GetValueOrDefault(feedName) ?? [])
        {
            nyctHeader.TripReplacementPeriod.Add(new TripReplacementPeriod
            {
                RouteId = route.Line,
                ReplacementPeriod = new TimeRange { End = (ulong)(now + TimeSpan.FromMinutes(30)).ToUnixTimeSeconds() },
            });
            foreach (var direction in new[] { 'N', 'S' })
            {
                AddTrips(message, route, direction, now);
            }
        }

        header.SetExtension(NyctSubwayExtensions.NyctFeedHeader, nyctHeader);
        return message.ToByteArray();
    }

    private static void AddTrips(FeedMessage message, Route route, char direction, DateTimeOffset now)
    {
        var stops = direction == 'S' ? route.Stops : route.Stops.AsEnumerable().Reverse().ToList();
        var span = BetweenStops * (stops.Count - 1);
        var epoch = DateTimeOffset.UnixEpoch + route.Phase + (direction == 'N' ? route.Headway / 2 : TimeSpan.Zero);
        var first = (long)Math.Floor((now - span - TimeSpan.FromMinutes(1) - epoch) / route.Headway);
        for (var k = first; ; k++)
        {
            var origin = epoch + (route.Headway * k);
            if (origin > now + Lookahead)
            {
                break;
            }

            AddTrip(message, route, direction, stops, origin, k, now);
        }
    }

    private static void AddTrip(FeedMessage message, Route route, char direction, List<string> stops, DateTimeOffset origin, long k, DateTimeOffset now)
    {
        var express = route.Line is "2" or "3" or "4" or "5";
        var scheduledTrack = (direction, express) switch
        {
            ('N', true) => "2",
            ('S', true) => "3",
            ('N', false) => "1",
            _ => "4",
        };
        var tripId = string.Create(CultureInfo.InvariantCulture, $"{(long)(origin.TimeOfDay.TotalSeconds * 100 / 60) % 144000:000000}_{route.Line}..{direction}");
        var assigned = origin - now < TimeSpan.FromMinutes(10);
        var trip = new TripDescriptor
        {
            TripId = tripId,
            RouteId = route.Line,
            StartDate = origin.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        };
        trip.SetExtension(NyctSubwayExtensions.NyctTripDescriptor, new NyctTripDescriptor
        {
            TrainId = string.Create(CultureInfo.InvariantCulture, $"0{route.Line} {origin.UtcDateTime:HHmm}+ FDS/{(direction == 'N' ? "UPT" : "DWN")}"),
            IsAssigned = assigned,
            Direction = direction == 'N' ? NyctTripDescriptor.Types.Direction.North : NyctTripDescriptor.Types.Direction.South,
        });

        var update = new TripUpdate { Trip = trip };
        string? currentStop = null;
        var stoppedNow = false;
        for (var j = 0; j < stops.Count; j++)
        {
            var at = origin + (BetweenStops * j);
            if (at < now - TimeSpan.FromSeconds(30))
            {
                continue; // passed stops leave the feed, as on the real one
            }

            currentStop ??= stops[j];
            stoppedNow |= currentStop == stops[j] && (at - now).Duration() <= TimeSpan.FromSeconds(30);
            var stopTime = new TripUpdate.Types.StopTimeUpdate
            {
                StopId = stops[j] + direction,
                Arrival = new TripUpdate.Types.StopTimeEvent { Time = at.ToUnixTimeSeconds() },
                Departure = new TripUpdate.Types.StopTimeEvent { Time = (at + TimeSpan.FromSeconds(30)).ToUnixTimeSeconds() },
            };
            var tracks = new NyctStopTimeUpdate { ScheduledTrack = scheduledTrack };
            if (at - now < TimeSpan.FromMinutes(5))
            {
                tracks.ActualTrack = scheduledTrack;
            }

            stopTime.SetExtension(NyctSubwayExtensions.NyctStopTimeUpdate, tracks);
            update.StopTimeUpdate.Add(stopTime);
        }

        if (update.StopTimeUpdate.Count == 0)
        {
            return;
        }

        var entityId = string.Create(CultureInfo.InvariantCulture, $"{route.Line}{direction}{k}");
        message.Entity.Add(new FeedEntity { Id = entityId, TripUpdate = update });
        if (!assigned)
        {
            return; // unassigned trips have no train to report a position for
        }

        // Now and then a train sits still: its last movement ages and the board shows it stalled.
        var stalled = (k * 31 + route.Line[0]) % 23 == 0;
        var moved = now - TimeSpan.FromSeconds(stalled ? 150 : (k % 20));
        message.Entity.Add(new FeedEntity
        {
            Id = entityId + "v",
            Vehicle = new VehiclePosition
            {
                Trip = trip.Clone(),
                StopId = currentStop + direction,
                CurrentStatus = stoppedNow ? VehiclePosition.Types.VehicleStopStatus.StoppedAt : VehiclePosition.Types.VehicleStopStatus.InTransitTo,
                Timestamp = (ulong)moved.ToUnixTimeSeconds(),
            },
        });
    }

    private static string LineFromFeedName(string feedName) =>
        feedName.Length > 0 && char.IsLetterOrDigit(feedName[0]) ? feedName[..1].ToUpperInvariant() : "1";

    private sealed record Route(string Line, List<string> Stops, TimeSpan Headway, TimeSpan Phase);
}
