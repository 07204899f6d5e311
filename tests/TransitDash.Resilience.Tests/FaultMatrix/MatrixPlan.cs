using System.Net;
using TransitDash.Feeds;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Simulator.Upstream;
using TransitDash.Testing;

namespace TransitDash.Resilience.Tests.FaultMatrix;

/// <summary>A fault: what the upstream (or the network) does, the error kind health must show for it.</summary>
/// <param name="Name">How test results name it.</param>
/// <param name="Kind">The wire name of the expected error kind.</param>
/// <param name="Apply">Breaks the lane's upstream.</param>
internal sealed record Fault(string Name, string Kind, Action<MatrixHost> Apply)
{
    /// <summary>True for a frozen header time, which only fails once it has stood still for ErrorAfter.</summary>
    public bool Frozen { get; init; }

    /// <summary>True to keep the fault through one trial of the half-open circuit before recovering.</summary>
    public bool HoldThroughTrial { get; init; }
}

/// <summary>Faults applied one after another to one feed, while other lanes run theirs on other feeds.</summary>
/// <param name="Source">The source in <c>/api/health</c>.</param>
/// <param name="Feed">The feed in the source's <c>feeds</c> and in attempt records.</param>
/// <param name="Restore">Makes the upstream good again.</param>
/// <param name="Faults">The faults, in order.</param>
internal sealed record Lane(string Source, string Feed, Action<MatrixHost> Restore, IReadOnlyList<Fault> Faults)
{
    private ActiveFault? _active;

    /// <summary>The fault running now and when it started (the host's clock); null between faults.</summary>
    public ActiveFault? Active
    {
        get => Volatile.Read(ref _active);
        set => Volatile.Write(ref _active, value);
    }
}

/// <summary>A fault in progress on a lane.</summary>
internal sealed record ActiveFault(Fault Fault, DateTimeOffset StartedAt);

/// <summary>The faults of the issue, spread over three lanes (two subway feeds and the bikes' station status) that run
/// at the same time; the G feed is never touched.</summary>
internal static class MatrixPlan
{
    private const string Protobuf = "application/x-protobuf";

    public static IReadOnlyList<string> FaultNames { get; } = [.. Lanes().SelectMany(l => l.Faults).Select(f => f.Name)];

    public static IReadOnlyList<Lane> Lanes()
    {
        var ace = MatrixHost.SubwayFeeds[0];
        var bdfm = MatrixHost.SubwayFeeds[1];
        return
        [
            new("subway", ace.Name, host => host.ServeGood(ace),
            [
                Fail(ace, "500", "http_5xx", () => UpstreamBehavior.Status(HttpStatusCode.InternalServerError)) with { HoldThroughTrial = true },
                Fail(ace, "404", "http_4xx", () => UpstreamBehavior.Status(HttpStatusCode.NotFound)),
                Fail(ace, "hang past the timeout", "timeout", () => UpstreamBehavior.Hang()),
                Fail(ace, "200 with an HTML page", "bad_content_type", () => UpstreamBehavior.HtmlPage()),
                Fail(ace, "truncated protobuf", "bad_payload", () => UpstreamBehavior.Serve(Truncated(ace), Protobuf)),
                new Fault("frozen header timestamp", "frozen_feed", host => Freeze(host, ace)) { Frozen = true },
                new Fault("unresolvable host name", "dns", host => host.Network.Fail(ace.Host, NetworkFault.UnresolvableHost)),
            ]),
            new("subway", bdfm.Name, host => host.ServeGood(bdfm),
            [
                Fail(bdfm, "503 with Retry-After", "http_5xx", () => UpstreamBehavior.Status(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(1))),
                Fail(bdfm, "reset mid-body", "connection", () => UpstreamBehavior.ResetMidBody(Fixtures.Bytes(bdfm.Recording), bytesBeforeReset: 1000)),
                Fail(bdfm, "slow drip of bytes", "timeout", () => UpstreamBehavior.Drip(Fixtures.Bytes(bdfm.Recording), bytesPerWrite: 64, pause: TimeSpan.FromMilliseconds(20))),
                Fail(bdfm, "random bytes", "bad_payload", () => UpstreamBehavior.Serve(RandomBytes(bdfm), Protobuf)),
                Fail(bdfm, "100 MB body", "too_large", () => UpstreamBehavior.Huge(100_000_000, declareLength: false)),
                new Fault("connection refused", "connection", host => host.Network.Fail(bdfm.Host, NetworkFault.ConnectionRefused)),
            ]),
            new("citibike", "citibike/station_status", host => host.ServeGood("station_status"),
            [
                FailStatus("invalid GBFS JSON", "bad_payload", () => UpstreamBehavior.Serve("{\"data\": {\"stations\": [{\"station_id\": "u8.ToArray(), "application/json")),
                FailStatus("GBFS missing required fields", "bad_payload", () => UpstreamBehavior.Serve("{\"last_updated\": 1759414830, \"ttl\": 60, \"version\": \"2.3\"}"u8.ToArray(), "application/json")),
                FailStatus("GBFS timeout", "timeout", () => UpstreamBehavior.Hang()),
            ]),
        ];
    }

    // Behaviors are made when a fault starts: naming the faults (for test data) reads no recording.
    private static Fault Fail(SubwayFeed feed, string name, string kind, Func<UpstreamBehavior> behavior) =>
        new(name, kind, host => host.Upstream.Map(feed.Path, behavior()));

    private static Fault FailStatus(string name, string kind, Func<UpstreamBehavior> behavior) =>
        new(name, kind, host => host.Upstream.Map(MatrixHost.GbfsPath("station_status"), behavior()));

    /// <summary>The recording with a header time that stops where it is now.</summary>
    private static void Freeze(MatrixHost host, SubwayFeed feed)
    {
        var frozen = GtfsRealtimeRecordings.WithHeaderTime(Fixtures.Bytes(feed.Recording), host.Time.GetUtcNow());
        host.Upstream.Map(feed.Path, UpstreamBehavior.Serve(frozen, Protobuf));
    }

    /// <summary>The first half of a recording: cut inside an entity, so it cannot parse.</summary>
    private static byte[] Truncated(SubwayFeed feed)
    {
        var recording = Fixtures.Bytes(feed.Recording);
        return Unparsable(feed, recording[..(recording.Length / 2)]);
    }

    private static byte[] RandomBytes(SubwayFeed feed)
    {
        var bytes = new byte[20_000];
        new Random(20251002).NextBytes(bytes);
        return Unparsable(feed, bytes);
    }

    /// <summary>Checks up front that a payload meant to be bad is: a fault that parsed would test nothing.</summary>
    private static byte[] Unparsable(SubwayFeed feed, byte[] payload)
    {
        Assert.Throws<FeedPayloadException>(() => GtfsRealtimeParser.ParseTripFeed(feed.Name, payload));
        return payload;
    }
}
