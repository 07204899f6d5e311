using Microsoft.Extensions.Logging.Testing;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Feeds.GtfsRealtime.Arrivals.Internal;
using TransitDash.Testing;

namespace TransitDash.Feeds.Tests.GtfsRealtime.Arrivals;

/// <summary>Runs the wire projection, the typed one (ParseTripFeed + Project) and the read-once one
/// (ReadFromWire + ProjectRead) on the same payloads with projectors of the same options, and checks they
/// agree on everything: arrivals (record equality, same order), each feed's header time and counts, and every
/// log line.</summary>
internal static class WireProjection
{
    /// <summary>The Financial District stations of the performance issue.</summary>
    public static IReadOnlyList<SubwayStation> FiDi => TestStations.FiDi;

    /// <summary>Projects both ways and asserts they agree.</summary>
    /// <param name="options">The projector options.</param>
    /// <param name="feeds">Feed names and payloads, in configured order.</param>
    /// <param name="now">The current time.</param>
    /// <param name="fromWire">True when every feed must have been read from the wire (not handed to the typed parser).</param>
    /// <returns>The wire projection's result.</returns>
    public static ProjectedArrivals AssertSameAsTyped(ArrivalProjectorOptions options, IReadOnlyList<(string Name, byte[] Payload)> feeds, DateTimeOffset now, bool fromWire = true)
    {
        var typedLog = new FakeLogger<ArrivalProjector>();
        var wireLog = new FakeLogger<ArrivalProjector>();
        var typed = feeds.Select(f => GtfsRealtimeParser.ParseTripFeed(f.Name, f.Payload)).ToArray();

        var expected = new ArrivalProjector(options, logger: typedLog).Project(typed, now);
        var reports = new WireReadReport[feeds.Count];
        var actual = new ArrivalProjector(options, logger: wireLog).ProjectFromWireReporting(feeds.Select(f => (f.Name, (ReadOnlyMemory<byte>)f.Payload)).ToArray(), now, reports);

        if (fromWire)
        {
            Assert.All(reports, r => Assert.Null(r.FallbackReason));
        }
        else
        {
            Assert.All(reports, r => Assert.NotNull(r.FallbackReason));
        }

        var readLog = new FakeLogger<ArrivalProjector>();
        var reader = new ArrivalProjector(options, logger: readLog);
        var reads = feeds.Select(f => reader.ReadFromWire(f.Name, f.Payload)).ToArray();
        var fromReads = reader.ProjectRead(reads, now);

        Assert.Equal(expected, actual.Arrivals);
        Assert.Equal(typed.Select(f => new TripFeedSummary(f.FeedName, f.HeaderTime, f.TripUpdates.Count, f.VehiclePositions.Count)), actual.Feeds);
        Assert.Equal(Lines(typedLog), Lines(wireLog));
        Assert.Equal(expected, fromReads.Arrivals);
        Assert.Equal(actual.Feeds, fromReads.Feeds);
        Assert.Equal(actual.Feeds, reads.Select(r => r.Summary));
        Assert.Equal(Lines(typedLog), Lines(readLog));
        return actual;
    }

    /// <summary>The same, for one feed.</summary>
    public static ProjectedArrivals AssertSameAsTyped(ArrivalProjectorOptions options, byte[] payload, DateTimeOffset now, bool fromWire = true) =>
        AssertSameAsTyped(options, [("feed", payload)], now, fromWire);

    /// <summary>Why the wire reader handed a single feed to the typed parser; null when it did not.</summary>
    public static string? FallbackReason(ArrivalProjectorOptions options, byte[] payload, DateTimeOffset now)
    {
        var reports = new WireReadReport[1];
        new ArrivalProjector(options).ProjectFromWireReporting([("feed", payload)], now, reports);
        return reports[0].FallbackReason;
    }

    /// <summary>Checks that the three ways accept the payload with the same arrivals, or all reject it with the same
    /// <see cref="FeedPayloadException"/>; returns the problem, or null when accepted.</summary>
    public static string? AssertSameOutcome(ArrivalProjectorOptions options, byte[] payload, DateTimeOffset now)
    {
        var projector = new ArrivalProjector(options);
        FeedPayloadException? typedError = null, wireError = null;
        IReadOnlyList<Arrival>? typed = null, wire = null;
        try
        {
            typed = projector.Project([GtfsRealtimeParser.ParseTripFeed("feed", payload)], now);
        }
        catch (FeedPayloadException error)
        {
            typedError = error;
        }

        try
        {
            wire = projector.ProjectFromWire([("feed", payload)], now).Arrivals;
        }
        catch (FeedPayloadException error)
        {
            wireError = error;
        }

        FeedPayloadException? readError = null;
        IReadOnlyList<Arrival>? read = null;
        try
        {
            read = projector.ProjectRead([projector.ReadFromWire("feed", payload)], now).Arrivals;
        }
        catch (FeedPayloadException error)
        {
            readError = error;
        }

        Assert.Equal((typedError?.FeedName, typedError?.Problem), (wireError?.FeedName, wireError?.Problem));
        Assert.Equal((typedError?.FeedName, typedError?.Problem), (readError?.FeedName, readError?.Problem));
        Assert.Equal(typed, wire);
        Assert.Equal(typed, read);
        return typedError?.Problem;
    }

    private static IEnumerable<string> Lines(FakeLogger<ArrivalProjector> logger) =>
        logger.Collector.GetSnapshot().Select(r => $"{r.Level} {r.Id.Id} {r.Message}");
}
