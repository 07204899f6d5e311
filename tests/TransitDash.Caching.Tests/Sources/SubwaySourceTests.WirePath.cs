using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using TransitDash.Caching.Tests.Support;
using TransitDash.Feeds;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Feeds.Http;
using TransitDash.Options;
using TransitDash.Snapshots;
using TransitDash.Sources;
using TransitDash.Testing;

namespace TransitDash.Caching.Tests.Sources;

/// <summary>The subway source over the real GTFS-Realtime client and the real projection, fed recorded payloads:
/// it must publish what the typed path (ParseTripFeed + Project) gives, without the typed model, and keep a
/// feed's previous bytes when its new payload is rejected.</summary>
public sealed partial class SubwaySourceTests
{
    // One capture of each feed from the morning of 2025-10-02 (the harness clock's day), in configured order.
    private static readonly (string Feed, string File)[] Morning =
    [
        ("1234567S", "gtfs-1234567s-20250918T193421Z.pb"),
        ("ACE", "gtfs-ace-20251002T141948Z.pb"),
        ("BDFM", "gtfs-bdfm-20251002T142005Z.pb"),
        ("G", "gtfs-g-20251002T142020Z.pb"),
        ("JZ", "gtfs-jz-20251002T142020Z.pb"),
        ("L", "gtfs-l-20251002T142042Z.pb"),
        ("NQRW", "gtfs-nqrw-20251002T135237Z.pb"),
        ("SIR", "gtfs-si-20251002T142056Z.pb"),
    ];

    [Fact]
    public async Task FetchAsync_RecordedFeeds_BoardIsWhatTheTypedPathGivesWithoutTheTypedModel()
    {
        var payloads = Morning.ToDictionary(m => m.Feed, m => Fixtures.Bytes($"mta/{m.File}"));
        var upstream = new RecordedUpstream(_harness.Time);
        foreach (var (feed, payload) in payloads)
        {
            upstream.Serve(feed, () => payload, etag: $"\"{feed}\"");
        }

        using var wire = new WirePath(_harness, upstream);
        var source = wire.Source(Morning.Select(m => m.Feed), frozenAfter: null);
        var typedLog = new FakeLogger<ArrivalProjector>();
        var typedProjector = new ArrivalProjector(new ArrivalProjectorOptions { Stations = TestStations.FiDi }, logger: typedLog);
        var typed = Morning.Select(m => GtfsRealtimeParser.ParseTripFeed(m.Feed, payloads[m.Feed])).ToArray();

        var first = await source.FetchAsync(CancellationToken.None);
        _harness.Time.Advance(TimeSpan.FromSeconds(30));
        var second = await source.FetchAsync(CancellationToken.None);

        Assert.Null(first.Error);
        Assert.NotEmpty(first.Data!.Arrivals);
        Assert.Equal(typedProjector.Project(typed, PollingHarness.Start), first.Data.Arrivals);

        // Every feed answered 304 and the same bytes were projected again at the new time.
        Assert.Null(second.Error);
        Assert.All(second.Attempts, a => Assert.Equal(AttemptOutcome.NotModified, a.Outcome));
        Assert.Equal(typedProjector.Project(typed, PollingHarness.Start.AddSeconds(30)), second.Data!.Arrivals);

        foreach (var cycle in new[] { first, second })
        {
            Assert.Equal(
                typed.Select(f => (f.FeedName, f.HeaderTime, f.TripUpdates.Count, f.VehiclePositions.Count)),
                cycle.Data!.Feeds.Select(f => (f.Name, f.HeaderTime, f.TripUpdates, f.VehiclePositions)));
            Assert.Equal(typed.Select(f => (f.FeedName, f.HeaderTime)), cycle.Attempts.OrderBy(a => Array.FindIndex(Morning, m => m.Feed == a.Feed)).Select(a => (a.Feed, a.UpstreamTime)));
        }

        Assert.Equal(typed.Max(f => f.HeaderTime), second.UpstreamTime);
        Assert.Equal(typedLog.Collector.GetSnapshot().Select(r => r.Message), wire.ProjectorLog.Collector.GetSnapshot().Select(r => r.Message));
        Assert.NotEmpty(wire.Results);
        Assert.All(wire.Results, r => Assert.Null(r.Feed));
    }

    [Theory]
    [InlineData(FeedErrorKind.BadPayload)]
    [InlineData(FeedErrorKind.TimeBackwards)]
    [InlineData(FeedErrorKind.FrozenFeed)]
    public async Task FetchAsync_NewPayloadRejected_PreviousBytesAndTheirArrivalsStay(FeedErrorKind rejection)
    {
        var evening = Fixtures.Bytes("mta/gtfs-1234567s-20251002T233821Z.pb");
        var held = GtfsRealtimeRecordings.HeaderTime(evening);
        var september = Fixtures.Bytes("mta/gtfs-1234567s-20250918T193421Z.pb");
        var ace = Fixtures.Bytes("mta/gtfs-ace-20251002T141948Z.pb");
        _harness.Time.Advance(held - _harness.Time.GetUtcNow());
        var upstream = new RecordedUpstream(_harness.Time);
        upstream.Serve("1234567S", () => evening);

        // ACE moves on every request, so only 1234567S is judged.
        upstream.Serve("ACE", () => GtfsRealtimeRecordings.WithHeaderTime(ace, _harness.Time.GetUtcNow()));
        using var wire = new WirePath(_harness, upstream);
        var source = wire.Source(["1234567S", "ACE"], frozenAfter: TimeSpan.FromSeconds(60));
        await source.FetchAsync(CancellationToken.None);

        // The rejected payloads hold September's trips: had they replaced the evening's, 1234567S would list nothing.
        upstream.Serve("1234567S", () => rejection switch
        {
            FeedErrorKind.BadPayload => evening[..2000],
            FeedErrorKind.TimeBackwards => GtfsRealtimeRecordings.WithHeaderTime(september, held.AddSeconds(-30)),
            _ => GtfsRealtimeRecordings.WithHeaderTime(september, held),
        });
        _harness.Time.Advance(TimeSpan.FromSeconds(61));
        var now = _harness.Time.GetUtcNow();
        var result = await source.FetchAsync(CancellationToken.None);

        Assert.Equal(rejection, result.Error!.Kind);
        Assert.StartsWith($"1 of 2 feeds failed: 1234567S ({rejection.ToWireName()})", result.Error.Message, StringComparison.Ordinal);
        var expected = new ArrivalProjector(new ArrivalProjectorOptions { Stations = TestStations.FiDi }).Project(
            [GtfsRealtimeParser.ParseTripFeed("1234567S", evening), GtfsRealtimeParser.ParseTripFeed("ACE", GtfsRealtimeRecordings.WithHeaderTime(ace, now))],
            now);
        Assert.Contains(expected, a => a.Feed == "1234567S");
        Assert.Equal(expected, result.Data!.Arrivals);
        var numbered = result.Data.Feeds[0];
        Assert.Equal((held, true), (numbered.HeaderTime!.Value, numbered.LastAttemptFailed));
        Assert.Equal(GtfsRealtimeParser.ParseTripFeed("1234567S", evening).TripUpdates.Count, numbered.TripUpdates);
        Assert.Equal(now, result.Data.Feeds[1].HeaderTime);
    }

    [Fact]
    public async Task FetchAsync_EveryFeed_IsAskedForItsPayloadOnly()
    {
        await Source(["ACE", "G"]).FetchAsync(CancellationToken.None);

        Assert.Equal(2, _harness.Gtfs.Sources.Count);
        Assert.All(_harness.Gtfs.Sources, s => Assert.True(s.PayloadOnly));
    }

    [Fact]
    public async Task FetchAsync_FeedWithoutHeaderTime_WarnsFromTheProjectedSummary()
    {
        _harness.Gtfs.On("G", (source, _) => Task.FromResult(_harness.Gtfs.Result("G", null, trips: 2)));
        var source = Source(["ACE", "G"]);

        var result = await source.FetchAsync(CancellationToken.None);

        Assert.Equal(["Feed 'G' has no header timestamp."], result.Warnings);
        var g = result.Data!.Feeds[1];
        Assert.Null(g.HeaderTime);
        Assert.Equal(2, g.TripUpdates);
        Assert.Equal(["Feed 'G' has no header timestamp."], g.Warnings);
    }

    /// <summary>The real GTFS-Realtime client over <see cref="RecordedUpstream"/>, with every result it returns
    /// kept, and subway sources over it with the real projection.</summary>
    private sealed class WirePath : IDisposable
    {
        private readonly PollingHarness _harness;
        private readonly ServiceProvider _provider;

        public WirePath(PollingHarness harness, RecordedUpstream upstream)
        {
            _harness = harness;
            var services = new ServiceCollection()
                .AddLogging()
                .AddSingleton<TimeProvider>(harness.Time)
                .AddSingleton<IFeedClient>(upstream.Client);
            services.AddTransitDashFeedClients();
            _provider = services.BuildServiceProvider();
            Client = new KeepingClient(_provider.GetRequiredService<IGtfsRealtimeClient>());
        }

        public FakeLogger<ArrivalProjector> ProjectorLog { get; } = new();

        public KeepingClient Client { get; }

        public IReadOnlyCollection<GtfsRealtimeFetchResult> Results => Client.Results;

        public SubwaySource Source(IEnumerable<string> feeds, TimeSpan? frozenAfter)
        {
            var options = new SubwayOptions
            {
                Feeds = feeds.Select(f => new SubwayFeedOptions { Name = f, Url = $"http://127.0.0.1:1/{f}" }).ToList(),
                Stations = TestStations.FiDi.Select(s => new SubwayStationOptions { Name = s.Name!, StopIds = s.StopIds.ToList() }).ToList(),
            };
            return new SubwaySource(
                options,
                _harness.Options.Resilience,
                frozenAfter,
                Client,
                new FakeFeedClient(),
                catalog => new ArrivalProjection(new ArrivalProjector(new ArrivalProjectorOptions { Stations = TestStations.FiDi }, catalog, ProjectorLog)),
                _harness.Pipelines,
                _harness.Time,
                _harness.Logger);
        }

        public void Dispose() => _provider.Dispose();
    }

    private sealed class KeepingClient(IGtfsRealtimeClient inner) : IGtfsRealtimeClient
    {
        public System.Collections.Concurrent.ConcurrentQueue<GtfsRealtimeFetchResult> Results { get; } = new();

        public async Task<GtfsRealtimeFetchResult> FetchAsync(GtfsRealtimeFeedSource source, CancellationToken cancellationToken = default)
        {
            var result = await inner.FetchAsync(source, cancellationToken);
            Results.Enqueue(result);
            return result;
        }
    }

    /// <summary>An upstream of protobuf payloads per feed name, answering 304 to an ETag it gave for the same bytes.</summary>
    private sealed class RecordedUpstream(TimeProvider time)
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (Func<byte[]> Payload, string? ETag)> _feeds = new();

        public FakeFeedClient Client => new() { Handler = Answer };

        public void Serve(string feed, Func<byte[]> payload, string? etag = null) => _feeds[feed] = (payload, etag);

        private FeedResponse Answer(FeedRequest request)
        {
            var (payload, etag) = _feeds[request.FeedName];
            var notModified = etag is not null && request.IfNoneMatch == etag;
            return FakeGtfsRealtimeClient.Response(request.FeedName, notModified ? 304 : 200, notModified, time.GetUtcNow(), notModified ? [] : payload()) with
            {
                ETag = etag,
            };
        }
    }
}
