using CsCheck;
using Google.Protobuf;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Feeds.GtfsRealtime.Wire.Nyct;
using TransitDash.Testing;
using static TransitDash.Feeds.Tests.GtfsRealtime.Arrivals.WireFeeds;
using static TransitDash.Feeds.Tests.GtfsRealtime.Arrivals.WireProjection;
using Wire = TransitDash.Feeds.GtfsRealtime.Wire;

namespace TransitDash.Feeds.Tests.GtfsRealtime.Arrivals;

/// <summary>Payloads the wire reader declines: valid ones it leaves to the typed parser (same arrivals) and bad
/// ones both ways reject with the same <see cref="FeedPayloadException"/>.</summary>
public sealed partial class ArrivalProjectorWireTests
{
    private static byte[] Header(ulong timestamp = 0) => new Wire.FeedHeader { GtfsRealtimeVersion = "1.0", Timestamp = timestamp == 0 ? HeaderSeconds : timestamp }.ToByteArray();

    private static byte[] Entity(Wire.FeedEntity entity) => Raw.Delimited(2, entity.ToByteArray());

    private static byte[] Feed(params byte[][] fields) => [.. fields.SelectMany(f => f)];

    // An entity written field by field, for what the generated types would merge or refuse to hold.
    private static byte[] RawTripEntity(byte[] trip, params byte[][] stops) =>
        Raw.Delimited(2, [.. Raw.Delimited(1, "x"u8.ToArray()), .. Raw.Delimited(3, [.. Raw.Delimited(1, trip), .. stops.SelectMany(s => Raw.Delimited(2, s))])]);

    private static byte[] Nested(int depth, byte[] inner) => depth == 0 ? inner : Raw.Group(60, Nested(depth - 1, inner));

    // A feed that touches most of what the typed parser reads: header extension, alert, vehicles, tracks.
    private static byte[] Rich() => WithRaw(
        Message(
            true,
            new Wire.FeedEntity
            {
                Id = "alert",
                Alert = new Wire.Alert
                {
                    ActivePeriod = { new Wire.TimeRange { Start = HeaderSeconds } },
                    HeaderText = new Wire.TranslatedString { Translation = { new Wire.TranslatedString.Types.Translation { Text = "Delays" } } },
                },
            },
            VehicleEntity("v", MtaTrip("a"), HeaderSeconds - 300),
            TripEntity("a", MtaTrip("a"), Stop("418N", At(30)), Stop("419N", At(60), scheduledTrack: "1", actualTrack: "2"), Stop("420N", null, At(90))),
            TripEntity("b", PlainTrip("b"), WithRaw(Stop("419S", At(120)), Raw.EveryWireType(40)))),
        Raw.Group(70, Raw.VarintField(1, 1))).ToByteArray();

    public static TheoryData<string, byte[]> DeclinedButValid() => new()
    {
        { "header after the entities", Feed(Entity(TripEntity("a", MtaTrip("a"), Stop("419N", At(60)))), Raw.Delimited(1, Header())) },
        { "header sent in two parts", Feed(Raw.Delimited(1, Raw.Delimited(1, "1.0"u8.ToArray())), Raw.Delimited(1, Raw.VarintField(3, HeaderSeconds)), Entity(TripEntity("a", MtaTrip("a"), Stop("419N", At(60))))) },
        {
            "trip update in two parts",
            Feed(Raw.Delimited(1, Header()), Raw.Delimited(2, [
                .. Raw.Delimited(1, "a"u8.ToArray()),
                .. Raw.Delimited(3, new Wire.TripUpdate { Trip = MtaTrip("a", isAssigned: false) }.ToByteArray()),
                .. Raw.Delimited(3, new Wire.TripUpdate { StopTimeUpdate = { Stop("401N", At(30)), Stop("419N", At(60)) } }.ToByteArray())]))
        },
        {
            "NYCT trip extension in two parts",
            Feed(Raw.Delimited(1, Header()), RawTripEntity([.. PlainTrip("a").ToByteArray(), .. Raw.Delimited(1001, Raw.Delimited(1, "04 1530"u8.ToArray())), .. Raw.Delimited(1001, Raw.VarintField(3, 3))], Stop("419N", At(60)).ToByteArray()))
        },
        {
            // Google.Protobuf reads a registered extension as a message whatever its wire type: here an empty one.
            "NYCT trip extension with a varint wire type",
            Feed(Raw.Delimited(1, Header()), RawTripEntity([.. PlainTrip("a").ToByteArray(), .. Raw.VarintField(1001, 0)], Stop("401N", At(30)).ToByteArray(), Stop("419N", At(60)).ToByteArray()))
        },
        { "groups nested 80 deep", Feed(Raw.Delimited(1, Header()), Entity(TripEntity("a", WithRaw(MtaTrip("a"), Nested(80, Raw.VarintField(1, 1))), Stop("419N", At(60))))) },
    };

    [Theory]
    [MemberData(nameof(DeclinedButValid))]
    public void ProjectFromWire_ValidPayloadTheWireReaderDeclines_TypedParserListsTheSame(string situation, byte[] payload)
    {
        var result = AssertSameAsTyped(Options, payload, Now, fromWire: false);

        Assert.True(result.Arrivals.Count > 0, situation);
    }

    public static TheoryData<string, byte[]> Rejected()
    {
        var trip = MtaTrip("a");
        byte[] notUtf8 = [0xC3, 0x28];
        return new TheoryData<string, byte[]>
        {
            { "empty", [] },
            { "header without version", Feed(Raw.Delimited(1, Raw.VarintField(3, HeaderSeconds))) },
            { "header time beyond 9999", Feed(Raw.Delimited(1, Header(ulong.MaxValue))) },
            { "entity without id", Feed(Raw.Delimited(1, Header()), Raw.Delimited(2, Raw.Delimited(3, new Wire.TripUpdate { Trip = trip }.ToByteArray()))) },
            { "trip update without trip", Feed(Raw.Delimited(1, Header()), Entity(new Wire.FeedEntity { Id = "x", TripUpdate = new Wire.TripUpdate { StopTimeUpdate = { Stop("419N", At(60)) } } })) },
            { "arrival beyond 9999", Feed(Raw.Delimited(1, Header()), Entity(TripEntity("x", trip, Stop("419N", 253_402_300_800)))) },
            { "departure before year 1", Feed(Raw.Delimited(1, Header()), Entity(TripEntity("x", trip, Stop("101N", null, -62_135_596_801)))) },
            { "trip update time beyond 9999", Feed(Raw.Delimited(1, Header()), Entity(new Wire.FeedEntity { Id = "x", TripUpdate = new Wire.TripUpdate { Trip = trip, Timestamp = ulong.MaxValue } })) },
            { "vehicle time beyond 9999", Feed(Raw.Delimited(1, Header()), Entity(VehicleEntity("v", trip, 253_402_300_800))) },
            { "vehicle time beyond 9999 without trip", Feed(Raw.Delimited(1, Header()), Entity(new Wire.FeedEntity { Id = "v", Vehicle = new Wire.VehiclePosition { Timestamp = ulong.MaxValue } })) },
            { "position without longitude", Feed(Raw.Delimited(1, Header()), Entity(new Wire.FeedEntity { Id = "v", Vehicle = new Wire.VehiclePosition { Position = new Wire.Position { Latitude = 40.7f } } })) },
            { "alert text without text", Feed(Raw.Delimited(1, Header()), Entity(new Wire.FeedEntity { Id = "al", Alert = new Wire.Alert { DescriptionText = new Wire.TranslatedString { Translation = { new Wire.TranslatedString.Types.Translation { Language = "en" } } } } })) },
            { "alert period beyond 9999", Feed(Raw.Delimited(1, Header()), Entity(new Wire.FeedEntity { Id = "al", Alert = new Wire.Alert { ActivePeriod = { new Wire.TimeRange { End = ulong.MaxValue } } } })) },
            { "entity id not UTF-8", Feed(Raw.Delimited(1, Header()), Raw.Delimited(2, Raw.Delimited(1, notUtf8))) },
            { "vehicle label not UTF-8", Feed(Raw.Delimited(1, Header()), Raw.Delimited(2, [.. Raw.Delimited(1, "v"u8.ToArray()), .. Raw.Delimited(4, Raw.Delimited(8, Raw.Delimited(2, notUtf8)))])) },
            { "start time not UTF-8", Feed(Raw.Delimited(1, Header()), RawTripEntity([.. trip.ToByteArray(), .. Raw.Delimited(2, notUtf8)])) },
            { "NYCT train id not UTF-8", Feed(Raw.Delimited(1, Header()), RawTripEntity([.. PlainTrip("a").ToByteArray(), .. Raw.Delimited(1001, Raw.Delimited(1, notUtf8))])) },
            { "NYCT header version not UTF-8", Feed(Raw.Delimited(1, [.. Header(), .. Raw.Delimited(1001, Raw.Delimited(1, notUtf8))])) },
            { "stop time properties not UTF-8", Feed(Raw.Delimited(1, Header()), RawTripEntity(trip.ToByteArray(), [.. Stop("419N", At(60)).ToByteArray(), .. Raw.Delimited(6, Raw.Delimited(1, notUtf8))])) },
            { "group ended by another field", Feed(Raw.Delimited(1, [.. Header(), .. Raw.Tag(70, 3), .. Raw.Tag(71, 4)])) },
            { "group never ended", Feed(Raw.Delimited(1, [.. Header(), .. Raw.Tag(70, 3), .. Raw.VarintField(1, 1)])) },
            { "end-group tag alone", Feed(Raw.Delimited(1, Header()), Raw.Tag(70, 4)) },
            { "end-group tag alone in an entity", Feed(Raw.Delimited(1, Header()), Raw.Delimited(2, [.. Raw.Delimited(1, "e"u8.ToArray()), .. Raw.Tag(70, 4)])) },
            { "wire type 6", Feed(Raw.Delimited(1, Header()), Raw.Tag(70, 6), Raw.Varint(1)) },
            { "wire type 7 in a stop time", Feed(Raw.Delimited(1, Header()), RawTripEntity(trip.ToByteArray(), [.. Stop("419N", At(60)).ToByteArray(), .. Raw.Tag(9, 7), 0x01])) },
            { "groups nested 120 deep", Feed(Raw.Delimited(1, [.. Header(), .. Nested(120, [])])) },
            { "negative length", Feed(Raw.Delimited(1, Header()), Raw.Tag(2, 2), [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) },
            { "eleven-byte varint", Feed(Raw.Delimited(1, [.. Header(), .. Raw.Tag(70, 0), 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01])) },
            { "field number 0", Feed(Raw.Delimited(1, Header()), [0x02, 0x00]) },
        };
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void ProjectFromWire_PayloadTheTypedParserRejects_RejectedWithTheSameProblem(string situation, byte[] payload)
    {
        var problem = AssertSameOutcome(Options, payload, Now);

        Assert.True(problem is not null, $"{situation}: the typed parser accepted it");
        Assert.Equal(problem, AssertSameOutcome(NoStations, payload, Now));
    }

    private static readonly ArrivalProjectorOptions NoStations = new();

    [Fact]
    public void ProjectFromWire_EveryCutOfABuiltFeed_SameOutcomeAsTypedParse()
    {
        var payload = Rich();
        Assert.Null(FallbackReason(Options, payload, Now));

        for (var cut = 0; cut <= payload.Length; cut++)
        {
            AssertSameOutcome(Options, payload[..cut], Now);
            AssertSameOutcome(NoStations, payload[..cut], Now);
        }
    }

    [Fact]
    public void ProjectFromWire_CutsOfARecording_SameOutcomeAsTypedParse()
    {
        var payload = Fixtures.Bytes("mta/gtfs-nqrw-20251002T135237Z.pb");
        var options = new ArrivalProjectorOptions { Stations = FiDi };
        var now = DateTimeOffset.FromUnixTimeSeconds(1_759_413_157);
        var fields = ProtobufLayout.TopLevelFields(payload);
        var cuts = fields.SelectMany(f => new[] { f.TagStart + 1, f.LengthStart + 1, f.ValueStart + 1, (f.ValueStart + f.End) / 2, f.End - 1, f.End }).Where(c => c <= payload.Length);

        foreach (var cut in cuts)
        {
            AssertSameOutcome(options, payload[..cut], now);
        }

        Gen.Int[0, payload.Length].Sample(cut => AssertSameOutcome(options, payload[..cut], now), iter: 200);
    }

    /// <summary>The poller's client accepts a payload through a projection with no stations, then projects it with
    /// the configured ones every cycle: both must take and refuse the same bytes, or a payload taken once would fail
    /// every cycle after.</summary>
    [Fact]
    public void ProjectFromWire_RandomBitFlips_SameOutcomeAsTypedParse()
    {
        var recording = Fixtures.Bytes("mta/gtfs-g-20251002T142020Z.pb");
        var options = new ArrivalProjectorOptions { Stations = [new SubwayStation(null, ["A42", "F20", "G22"])] };
        var now = DateTimeOffset.FromUnixTimeSeconds(1_759_414_820);
        var built = Rich();

        foreach (var original in new[] { recording, built })
        {
            Gen.Select(Gen.Int[0, original.Length - 1], Gen.Int[0, 7]).Array[1, 3].Sample(flips =>
            {
                var payload = (byte[])original.Clone();
                foreach (var (index, bit) in flips)
                {
                    payload[index] ^= (byte)(1 << bit);
                }

                AssertSameOutcome(options, payload, now);
                AssertSameOutcome(NoStations, payload, now);
            }, iter: 400);
        }
    }
}
