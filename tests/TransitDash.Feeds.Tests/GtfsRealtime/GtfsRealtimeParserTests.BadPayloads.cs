using CsCheck;
using Google.Protobuf;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Testing;
using Wire = TransitDash.Feeds.GtfsRealtime.Wire;

namespace TransitDash.Feeds.Tests.GtfsRealtime;

/// <summary>Bad bytes: every payload gives a feed or a <see cref="FeedPayloadException"/> that names
/// the feed and the problem, never another exception.</summary>
public sealed partial class GtfsRealtimeParserTests
{
    private const string AceRecording = "mta/gtfs-ace-20211126T205723Z.pb";

    public static TheoryData<string> Parsers => ["trip", "alert"];

    [Theory]
    [MemberData(nameof(Parsers))]
    public void Parse_EmptyPayload_MissingRequiredHeader(string parser)
    {
        var error = Assert.Throws<FeedPayloadException>(() => Parse(parser, []));

        Assert.Equal("ACE", error.FeedName);
        Assert.Equal(FeedErrorKind.BadPayload, error.Kind);
        Assert.Equal("missing required header", error.Problem);
        Assert.Contains("ACE", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public void Parse_EntityClaimingTwoGigabytes_IsPayloadErrorNotAnOverrun(string parser)
    {
        // Field 2 (entity), length-delimited, length int.MaxValue, and nothing after it.
        byte[] payload = [0x12, 0xFF, 0xFF, 0xFF, 0xFF, 0x07];

        var error = Assert.Throws<FeedPayloadException>(() => Parse(parser, payload));

        Assert.Equal("ACE", error.FeedName);
        Assert.Equal(FeedErrorKind.BadPayload, error.Kind);
    }

    [Fact]
    public void ParseTripFeed_HeaderWithoutVersion_MissingRequiredVersion()
    {
        var payload = new Wire.FeedMessage { Header = new Wire.FeedHeader { Timestamp = 1 } }.ToByteArray();

        var error = Assert.Throws<FeedPayloadException>(() => GtfsRealtimeParser.ParseTripFeed("ACE", payload));

        Assert.Contains("gtfs_realtime_version", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseTripFeed_EntityWithoutId_NamesTheEntity()
    {
        var message = Wire.FeedMessage.Parser.ParseFrom(PlainAgencyFeed());
        message.Entity[1].ClearId();

        var error = Assert.Throws<FeedPayloadException>(() => GtfsRealtimeParser.ParseTripFeed("bus", message.ToByteArray()));

        Assert.Equal("entity #1 lacks required id", error.Problem);
    }

    [Fact]
    public void ParseTripFeed_TripUpdateWithoutTrip_NamesTheEntity()
    {
        var message = Wire.FeedMessage.Parser.ParseFrom(PlainAgencyFeed());
        message.Entity[0].TripUpdate.Trip = null;

        var error = Assert.Throws<FeedPayloadException>(() => GtfsRealtimeParser.ParseTripFeed("bus", message.ToByteArray()));

        Assert.Equal("entity 'tu-1': trip_update lacks required trip", error.Problem);
    }

    [Fact]
    public void ParseTripFeed_TimeBeyondYear9999_IsOutOfRange()
    {
        var message = Wire.FeedMessage.Parser.ParseFrom(PlainAgencyFeed());
        message.Entity[1].Vehicle.Timestamp = ulong.MaxValue;

        var error = Assert.Throws<FeedPayloadException>(() => GtfsRealtimeParser.ParseTripFeed("bus", message.ToByteArray()));

        Assert.Equal($"entity 'vp-1': vehicle timestamp {ulong.MaxValue} is out of range", error.Problem);
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public void Parse_CutInsideAField_Truncated(string parser)
    {
        var payload = Fixtures.Bytes(AceRecording);
        var fields = ProtobufLayout.TopLevelFields(payload);
        var header = fields[0];
        var middle = fields[fields.Count / 2];
        int[] cuts =
        [
            header.LengthStart,              // after the header's tag, before its length
            header.ValueStart + 1,           // one byte into the header
            middle.TagStart + 1,             // an entity's tag without its length
            (middle.ValueStart + middle.End) / 2,
            payload.Length - 1,              // the last entity misses its last byte
        ];

        foreach (var cut in cuts)
        {
            var error = Assert.Throws<FeedPayloadException>(() => Parse(parser, payload.AsSpan(0, cut).ToArray()));
            Assert.StartsWith("truncated message", error.Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ParseTripFeed_AnyCut_IsFeedOfCompleteEntitiesOrPayloadError()
    {
        var payload = Fixtures.Bytes("mta/gtfs-g-20251002T142020Z.pb");
        var fieldEnds = ProtobufLayout.TopLevelFields(payload).Select(f => f.End).ToList();

        void Check(int cut)
        {
            var lastWholeField = fieldEnds.IndexOf(cut);
            if (lastWholeField >= 0)
            {
                // Protobuf has no end marker: a cut between entities is a valid, shorter feed
                // (field 0 is the header, so the entities kept are fields 1..lastWholeField).
                var feed = GtfsRealtimeParser.ParseTripFeed("G", payload.AsSpan(0, cut));
                Assert.Equal(lastWholeField, feed.TripUpdates.Count + feed.VehiclePositions.Count);
            }
            else
            {
                Assert.Throws<FeedPayloadException>(() => GtfsRealtimeParser.ParseTripFeed("G", payload.AsSpan(0, cut)));
            }
        }

        fieldEnds.ForEach(Check);
        Gen.Int[0, payload.Length - 1].Sample(Check, iter: 500);
    }

    [Fact]
    public void ParseTripFeed_HeaderTagFieldNumberZeroed_InvalidTag()
    {
        var payload = Fixtures.Bytes(AceRecording);
        Assert.Equal(0x0A, payload[0]); // field 1, length-delimited

        payload[0] ^= 0x08; // 0x02: field 0, which protobuf forbids

        var error = Assert.Throws<FeedPayloadException>(() => GtfsRealtimeParser.ParseTripFeed("ACE", payload));
        Assert.Equal("malformed protobuf: invalid field tag", error.Problem);
    }

    [Fact]
    public void ParseTripFeed_HeaderLengthOneShort_Truncated()
    {
        var payload = Fixtures.Bytes(AceRecording);
        var header = ProtobufLayout.TopLevelFields(payload)[0];
        Assert.Equal(header.LengthStart + 1, header.ValueStart); // a one-byte length prefix
        Assert.Equal(1, payload[header.LengthStart] & 1);

        payload[header.LengthStart] ^= 0x01; // the header now ends one byte before its last member does

        var error = Assert.Throws<FeedPayloadException>(() => GtfsRealtimeParser.ParseTripFeed("ACE", payload));
        Assert.StartsWith("truncated message", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseTripFeed_LastEntityLengthPrefixContinued_Truncated()
    {
        var payload = Fixtures.Bytes(AceRecording);
        var last = ProtobufLayout.TopLevelFields(payload)[^1];
        var lastLengthByte = last.ValueStart - 1;
        Assert.True(payload[lastLengthByte] < 0x80);

        // The varint now runs on into the entity's first byte: the entity claims far more bytes than remain.
        payload[lastLengthByte] ^= 0x80;

        var error = Assert.Throws<FeedPayloadException>(() => GtfsRealtimeParser.ParseTripFeed("ACE", payload));
        Assert.StartsWith("truncated message", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseTripFeed_DeeplyNestedGroups_NestedTooDeeply()
    {
        // Start-group tags of field 1, over and over: the parser must stop, not overflow the stack.
        var payload = Enumerable.Repeat((byte)0x0B, 100_000).ToArray();

        var error = Assert.Throws<FeedPayloadException>(() => GtfsRealtimeParser.ParseTripFeed("ACE", payload));
        Assert.Equal("malformed protobuf: messages nested too deeply", error.Problem);
    }

    [Fact]
    public void ParseTripFeed_VersionNotUtf8_InvalidString()
    {
        byte[] payload = [0x0A, 0x04, 0x0A, 0x02, 0xC3, 0x28]; // header { gtfs_realtime_version: C3 28 }

        var error = Assert.Throws<FeedPayloadException>(() => GtfsRealtimeParser.ParseTripFeed("ACE", payload));
        Assert.Equal("malformed protobuf: a string is not valid UTF-8", error.Problem);
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public void Parse_RandomBitFlips_FeedOrPayloadError(string parser)
    {
        var original = Fixtures.Bytes(AceRecording);
        var flips = Gen.Select(Gen.Int[0, original.Length - 1], Gen.Int[0, 7]).Array[1, 4];

        flips.Sample(positions =>
        {
            var payload = (byte[])original.Clone();
            foreach (var (index, bit) in positions)
            {
                payload[index] ^= (byte)(1 << bit);
            }

            AssertFeedOrPayloadError(parser, payload);
        }, iter: 300);
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public void Parse_RandomBytes_FeedOrPayloadError(string parser)
    {
        Gen.Byte.Array[0, 512].Sample(payload => AssertFeedOrPayloadError(parser, payload), iter: 2_000);
    }

    private static void AssertFeedOrPayloadError(string parser, byte[] payload)
    {
        try
        {
            Assert.NotNull(Parse(parser, payload));
        }
        catch (FeedPayloadException error)
        {
            Assert.Equal("ACE", error.FeedName);
            Assert.False(string.IsNullOrWhiteSpace(error.Problem));
        }
    }

    private static GtfsRealtimeFeed Parse(string parser, byte[] payload) => parser == "trip"
        ? GtfsRealtimeParser.ParseTripFeed("ACE", payload)
        : GtfsRealtimeParser.ParseAlertFeed("ACE", payload);
}
