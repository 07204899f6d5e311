using System.Text;
using TransitDash.Caching.Redis.Tests.Support;
using TransitDash.Feeds;
using TransitDash.Feeds.Gbfs;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Health;
using TransitDash.Internal;
using TransitDash.Snapshots;
using TransitDash.Sources;

namespace TransitDash.Caching.Redis.Tests.Internal;

public sealed class SnapshotCodecTests
{
    private static readonly DateTimeOffset At = new(2025, 10, 2, 14, 20, 20, TimeSpan.Zero);

    private readonly SnapshotCodec _codec = new();

    // Every member is set to something other than its default, so that a member the codec drops shows.
    private static SubwayBoard Subway() => new(
        [
            new Arrival("4", "Wall St", "N", "4", "419N", At.AddMinutes(3), "098650_4..N06R", "20251002", "04 1620+ UTI/WDL", true, "1", 0, true, "1234567S"),
            new Arrival("2", "Wall St", null, "2", "230S", At.AddMinutes(7), "099100_2..S08R", null, null, null, null, null, false, "1234567S"),
        ],
        [new SubwayStation("Wall St", ["419", "230"]), new SubwayStation(null, ["M23"])],
        [new SubwayFeedState("1234567S", At, At.AddSeconds(-20), 310, 120, true) { Warnings = ["the header has no timestamp"] }],
        At);

    private static BikeBoard Bikes() => new(
        [new DockStatus("66db237e-0aca-11e7-82f6-3863bb44ef7c", "Broadway & Exchange Pl", 8, 3, 4, 15, true, false, At.AddSeconds(-40), 73, 120.5) { Latitude = 40.7061, Longitude = -74.011 }],
        At.AddSeconds(-30),
        60,
        "2.3")
    {
        MissingStations = ["Nowhere & Main"],
        StationsWithoutStatus = ["123"],
    };

    private static AlertBoard Alerts() => new(
        [
            new ServiceAlert(
                "lmm:alert:1",
                AlertCause.Maintenance,
                AlertEffect.SignificantDelays,
                [new AlertActivePeriod(At.AddHours(-1), At.AddHours(2)), new AlertActivePeriod(null, null)],
                [
                    new InformedEntity("MTASBWY", "4", 1, 1, new TripDescriptor("098650_4..N06R", "4", 0, "16:26:30", "20251002", TripScheduleRelationship.Added, "04 1620+", true, NyctDirection.North) { HasNyctExtension = true }, "419N"),
                ],
                "4 trains are delayed",
                "while we fix a signal",
                "https://new.mta.info",
                "Delays",
                "Until further notice"),
        ],
        At);

    private static SnapshotMetadata Metadata() => new("subway")
    {
        Version = 17,
        EntityCount = 2,
        Warnings = ["station 'Nowhere' is not in the feed"],
        Feeds = [new FeedMetadata("ACE") { LastStatusCode = 503, LastBytes = 12345, FetchCount = 4, ErrorCount = 1, ConsecutiveFailures = 1, LastError = new SnapshotError(FeedErrorKind.Http5xx, "ACE answered 503", At) }],
        LastSuccess = At.AddSeconds(-30),
        LastAttempt = At,
        LastError = new SnapshotError(FeedErrorKind.Timeout, "ACE timed out", At),
        FetchCount = 9,
        ErrorCount = 2,
        ConsecutiveFailures = 1,
        LastDuration = TimeSpan.FromMilliseconds(1234.5),
        UpstreamTime = At.AddSeconds(-25),
    };

    public static TheoryData<string> Boards() => ["subway", "bikes", "alerts", "weather"];

    private static (object Data, Type Type) Board(string name) => name switch
    {
        "subway" => (Subway(), typeof(SubwayBoard)),
        "bikes" => (Bikes(), typeof(BikeBoard)),
        "alerts" => (Alerts(), typeof(AlertBoard)),
        _ => (new Weather("sunny", 21), typeof(Weather)),
    };

    [Theory]
    [MemberData(nameof(Boards))]
    public void DecodeBody_EncodedBody_HasEveryMemberOfTheDataAndMetadata(string board)
    {
        var (data, type) = Board(board);

        var decoded = _codec.DecodeBody(_codec.EncodeBody(Metadata(), data, type), type);

        Assert.Equal(DecodeStatus.Ok, decoded.Status);
        Assert.Equal(SnapshotCodec.Schema, decoded.Schema);
        Structural.Equal(data, decoded.Data);
        Structural.Equal(Metadata(), decoded.Metadata);
    }

    [Fact]
    public void EncodeBody_SubwayBoard_IsVersionedJsonWithoutComputedMembersOrEmptyValues()
    {
        var json = Encoding.UTF8.GetString(_codec.EncodeBody(Metadata(), Subway(), typeof(SubwayBoard)));

        Assert.StartsWith("""{"schema":1,"type":"TransitDash.Sources.SubwayBoard","metadata":{""", json, StringComparison.Ordinal);
        Assert.DoesNotContain("lastUpdated", json, StringComparison.Ordinal);
        Assert.DoesNotContain("hasData", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"Timeout\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeBody_NoData_KeepsTheMetadata()
    {
        var decoded = _codec.DecodeBody(_codec.EncodeBody(Metadata(), null, typeof(SubwayBoard)), typeof(SubwayBoard));

        Assert.Equal(DecodeStatus.Ok, decoded.Status);
        Assert.Null(decoded.Data);
        Assert.Equal(9, decoded.Metadata!.FetchCount);
    }

    [Fact]
    public void DecodeBody_NewerSchema_SaysSoWithoutReadingTheRest()
    {
        var decoded = _codec.DecodeBody("""{"schema":2,"type":42,"something":"else"}"""u8.ToArray(), typeof(SubwayBoard));

        Assert.Equal(DecodeStatus.NewerSchema, decoded.Status);
        Assert.Equal(2, decoded.Schema);
        Assert.Null(decoded.Data);
    }

    [Fact]
    public void DecodeBody_DataOfAnotherType_IsUnreadableNamingBothTypes()
    {
        var decoded = _codec.DecodeBody(_codec.EncodeBody(Metadata(), Bikes(), typeof(BikeBoard)), typeof(SubwayBoard));

        Assert.Equal(DecodeStatus.Unreadable, decoded.Status);
        Assert.Contains("TransitDash.Sources.BikeBoard", decoded.Error, StringComparison.Ordinal);
        Assert.Contains("TransitDash.Sources.SubwayBoard", decoded.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"type":"TransitDash.Sources.SubwayBoard"}""")]
    [InlineData("""{"schema":1,"type":"TransitDash.Sources.SubwayBoard","metadata":{"source":"subway"},"data":{"arrivals":"many"}}""")]
    public void DecodeBody_DamagedBody_IsUnreadableNeverAnException(string body)
    {
        var decoded = _codec.DecodeBody(Encoding.UTF8.GetBytes(body), typeof(SubwayBoard));

        Assert.Equal(DecodeStatus.Unreadable, decoded.Status);
        Assert.False(string.IsNullOrEmpty(decoded.Error));
    }

    [Fact]
    public void DecodeAttemptAndSample_Encoded_RoundTrip()
    {
        var attempt = new FeedAttempt(At, "ACE", AttemptOutcome.Error, 503, TimeSpan.FromMilliseconds(80.5), 99, FeedErrorKind.Http5xx, "ACE answered 503") { UpstreamTime = At.AddSeconds(-3) };
        var sample = new HealthSample(At, SourceHealthStatus.Stale, TimeSpan.FromSeconds(1.5), FeedErrorKind.Dns);

        Assert.Equal(attempt, SnapshotCodec.DecodeAttempt(SnapshotCodec.EncodeAttempt(attempt)));
        Assert.Equal(sample, SnapshotCodec.DecodeSample(SnapshotCodec.EncodeSample(sample)));
    }
}
