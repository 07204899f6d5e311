using System.Diagnostics;
using System.Globalization;
using CsCheck;
using TransitDash.Feeds;
using TransitDash.Feeds.Gbfs;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Testing;

namespace TransitDash.Resilience.Tests.Parsers;

/// <summary>Property tests of the parsers on mutated real recordings: whatever the bytes, a parser gives a result or
/// throws <see cref="FeedPayloadException"/> of kind bad_payload, within a second, allocating no more than a bounded
/// multiple of the payload. CI runs a few thousand cases per parser; a long run sets
/// <c>TRANSITDASH_FUZZ_ITERATIONS</c> (see this project's README).</summary>
public sealed class ParserFuzzTests
{
    private const long DefaultIterations = 2000;

    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(1);

    /// <summary>Bytes a parse may allocate per byte of payload (of the mutated payload or the recording, whichever is
    /// longer), plus a fixed allowance. A recording as it is costs about 23 bytes per byte (GTFS-Realtime) or 2 to 4
    /// (GBFS): four times the worst of those, so that only a parse that allocates by what a payload claims (a length
    /// prefix of gigabytes) rather than by what it holds can fail.</summary>
    private const long BytesPerPayloadByte = 100;
    private const long FixedAllowance = 4 * 1024 * 1024;

    private static readonly string[] GbfsVersions = ["v1.1", "v2.3", "v3.0"];

    private static long Iterations =>
        long.TryParse(Environment.GetEnvironmentVariable("TRANSITDASH_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultIterations;

    [Fact]
    public void GtfsRealtimeParsers_MutatedRecordings_GiveAResultOrBadPayloadWithinASecondInBoundedMemory()
    {
        var recordings = Fixtures.MtaRecordings().Select(File.ReadAllBytes).ToArray();
        var outcomes = new Outcomes();

        Gen.Select(Gen.Int[0, recordings.Length - 1], Mutation.Protobuf.Array[1, 3]).Sample(
            (recording, mutations) =>
            {
                var payload = Apply(recordings[recording], mutations);
                outcomes.Parse(payload, recordings[recording].Length, () => GtfsRealtimeParser.ParseTripFeed("ACE", payload));
                outcomes.Parse(payload, recordings[recording].Length, () => GtfsRealtimeParser.ParseAlertFeed("alerts", payload));
            },
            iter: Iterations);

        outcomes.AssertBothSeen();
    }

    /// <summary>The path the poller takes for trip feeds: the client accepts a payload by reading it from the wire with
    /// no stations (<c>PayloadOnly</c>), and the subway source reads it once for the configured stations and projects
    /// that read. Each must accept exactly the payloads the typed parser accepts, rejecting the others with its
    /// words, and project what the one-call wire projection lists.</summary>
    [Fact]
    public void WireProjection_MutatedRecordings_AcceptsExactlyWhatTheTypedParserDoesWithinASecondInBoundedMemory()
    {
        var recordings = Fixtures.MtaRecordings().Select(File.ReadAllBytes).ToArray();
        var headerTimes = recordings.Select(r => GtfsRealtimeParser.ParseTripFeed("ACE", r).HeaderTime ?? DateTimeOffset.UnixEpoch).ToArray();
        var stationless = new ArrivalProjector(new ArrivalProjectorOptions());
        var fiDi = new ArrivalProjector(new ArrivalProjectorOptions { Stations = TestStations.FiDi });
        var outcomes = new Outcomes();

        Gen.Select(Gen.Int[0, recordings.Length - 1], Mutation.Protobuf.Array[1, 3]).Sample(
            (recording, mutations) =>
            {
                var payload = Apply(recordings[recording], mutations);
                var now = headerTimes[recording];
                var typed = Problem(() => GtfsRealtimeParser.ParseTripFeed("ACE", payload));
                outcomes.Parse(payload, recordings[recording].Length, () => stationless.ProjectFromWire([("ACE", payload)], now));
                outcomes.Parse(payload, recordings[recording].Length, () => fiDi.ProjectRead([fiDi.ReadFromWire("ACE", payload)], now));

                Assert.Equal(typed, Problem(() => stationless.ProjectFromWire([("ACE", payload)], now)));
                Assert.Equal(typed, Problem(() => fiDi.ReadFromWire("ACE", payload)));
                if (typed is null)
                {
                    Assert.Equal(fiDi.ProjectFromWire([("ACE", payload)], now), fiDi.ProjectRead([fiDi.ReadFromWire("ACE", payload)], now), ProjectedEquality.Instance);
                }
            },
            iter: Iterations);

        outcomes.AssertBothSeen();
    }

    /// <summary>The bad-payload problem a parse reports, or null when it accepts the payload.</summary>
    private static string? Problem(Func<object> parse)
    {
        try
        {
            parse();
            return null;
        }
        catch (FeedPayloadException e)
        {
            return e.Problem;
        }
    }

    [Fact]
    public void GbfsParsers_MutatedRecordings_GiveAResultOrBadPayloadWithinASecondInBoundedMemory()
    {
        var systems = GbfsVersions.Select(GbfsSystemRecording.Read).ToArray();
        var outcomes = new Outcomes();

        // Which system, which of its documents (0-2 the joined ones, 3 the discovery), and what is done to it.
        Gen.Select(Gen.Int[0, systems.Length - 1], Gen.Int[0, 3], Mutation.Json.Array[1, 3]).Sample(
            (system, document, mutations) =>
            {
                var documents = systems[system].Documents;
                var original = documents[document];
                var payload = Apply(original, mutations);
                var parsed = documents.ToArray();
                parsed[document] = payload;
                outcomes.Parse(payload, original.Length, () => document == 3
                    ? GbfsParser.ParseDiscovery("citibike", payload)
                    : GbfsParser.ParseSystem("citibike", parsed[0], parsed[1], parsed[2]));
            },
            iter: Iterations);

        outcomes.AssertBothSeen();
    }

    private static byte[] Apply(byte[] payload, Mutation[] mutations) => mutations.Aggregate(payload, (bytes, mutation) => mutation.Apply(bytes));

    /// <summary>One recorded GBFS system: station information, station status, vehicle types (empty when the version
    /// has none) and discovery.</summary>
    private sealed record GbfsSystemRecording(byte[][] Documents)
    {
        public static GbfsSystemRecording Read(string version)
        {
            var folder = Fixtures.Path($"citibike/{version}");
            byte[] Document(string name) =>
                Directory.GetFiles(folder, $"{name}*.json").Order(StringComparer.Ordinal).FirstOrDefault() is { } file ? File.ReadAllBytes(file) : [];
            return new GbfsSystemRecording([Document("station_information"), Document("station_status"), Document("vehicle_types"), Document("gbfs")]);
        }
    }

    /// <summary>Same arrivals in the same order and the same feed summaries.</summary>
    private sealed class ProjectedEquality : IEqualityComparer<ProjectedArrivals>
    {
        public static ProjectedEquality Instance { get; } = new();

        public bool Equals(ProjectedArrivals? x, ProjectedArrivals? y) =>
            x is not null && y is not null && x.Arrivals.SequenceEqual(y.Arrivals) && x.Feeds.SequenceEqual(y.Feeds);

        public int GetHashCode(ProjectedArrivals obj) => obj.Arrivals.Count;
    }

    /// <summary>Runs parses and checks each one's outcome, time and allocations; counts results and rejections so that a
    /// run in which every case ended the same way (and so tested one path) fails.</summary>
    private sealed class Outcomes
    {
        private long _results;
        private long _rejections;

        public void Parse(byte[] payload, int recordingLength, Func<object> parse)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var elapsed = Time(parse, count: true);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

            // A payload that is slow to parse is slow every time; a machine that paused the thread (a shared CI box, a
            // collection) is not: a slow case is timed twice more and judged by its fastest run.
            for (var again = 0; again < 2 && elapsed >= PerCase; again++)
            {
                elapsed = TimeSpan.FromTicks(Math.Min(elapsed.Ticks, Time(parse, count: false).Ticks));
            }

            var allowed = (BytesPerPayloadByte * Math.Max(payload.Length, recordingLength)) + FixedAllowance;
            Assert.True(elapsed < PerCase, $"a parse of {payload.Length} bytes took {elapsed}");
            Assert.True(allocated <= allowed, $"a parse of {payload.Length} bytes allocated {allocated} bytes (at most {allowed})");
        }

        private TimeSpan Time(Func<object> parse, bool count)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                parse();
                if (count)
                {
                    Interlocked.Increment(ref _results);
                }
            }
            catch (FeedPayloadException e)
            {
                Assert.Equal(FeedErrorKind.BadPayload, e.Kind);
                if (count)
                {
                    Interlocked.Increment(ref _rejections);
                }
            }

            return clock.Elapsed;
        }

        public void AssertBothSeen()
        {
            Assert.True(_results > 0, "no mutated payload parsed: the mutations reached no deeper than the first bytes");
            Assert.True(_rejections > 0, "every mutated payload parsed: the mutations changed nothing that matters");
        }
    }
}
