using System.Text;
using CsCheck;
using TransitDash.Feeds.Gbfs;
using TransitDash.Testing;

namespace TransitDash.Feeds.Tests.Gbfs;

public sealed partial class GbfsParserTests
{
    private static readonly byte[] MinimalStatus = Stations(StatusJson("a", 1));

    public static TheoryData<string, string, string> MissingMembers => new()
    {
        { "station_information", """{"data":{}}""", "station_information has no data.stations list" },
        { "station_information", """{"version":"2.3"}""", "station_information has no data object" },
        { "station_information", """{"data":{"stations":[null]}}""", "station_information: data.stations[0] has no station_id" },
        { "station_information", """{"data":{"stations":[{"name":"A","lat":1,"lon":2}]}}""", "station_information: data.stations[0] has no station_id" },
        { "station_information", """{"data":{"stations":[{"station_id":"","name":"A","lat":1,"lon":2}]}}""", "station_information: data.stations[0] has no station_id" },
        { "station_information", """{"data":{"stations":[{"station_id":"a","lat":1,"lon":2}]}}""", "station_information: station 'a' has no name" },
        { "station_information", """{"data":{"stations":[{"station_id":"a","name":[],"lat":1,"lon":2}]}}""", "station_information: station 'a' has no name" },
        { "station_information", """{"data":{"stations":[{"station_id":"a","name":"A","lon":2}]}}""", "station_information: station 'a' has no lat/lon" },
        { "station_status", """{"data":{"stations":{}}}""", "station_status is not valid GBFS JSON" },
        { "station_status", """{"data":{"stations":[{"num_bikes_available":1}]}}""", "station_status: data.stations[0] has no station_id" },
        { "station_status", """{"data":{"stations":[{"station_id":"a","is_installed":1,"is_renting":1,"is_returning":1}]}}""", "station_status: station 'a' has neither num_bikes_available nor num_vehicles_available" },
        { "station_status", """{"data":{"stations":[{"station_id":"a","num_bikes_available":1,"is_installed":1,"is_returning":1}]}}""", "station_status: station 'a' has no is_renting" },
        { "station_status", """{"data":{"stations":[{"station_id":"a","num_bikes_available":1,"is_installed":1,"is_renting":2,"is_returning":1}]}}""", "A flag must be true, false, 0 or 1" },
        { "station_status", """{"data":{"stations":[{"station_id":"a","num_bikes_available":1.5,"is_installed":1,"is_renting":1,"is_returning":1}]}}""", "a value of the wrong type at $.data.stations[0].num_bikes_available" },
        { "station_status", """{"last_updated":"yesterday","data":{"stations":[]}}""", "A time must be epoch seconds or an RFC 3339 string" },
        { "station_status", """{"last_updated":99999999999999,"data":{"stations":[]}}""", "out of range" },
        { "station_status", """{"data":{"stations":[{"station_id":"a","num_bikes_available":1,"is_installed":1,"is_renting":1,"is_returning":1,"vehicle_types_available":[{"count":1}]}]}}""", "station_status: station 'a' vehicle_types_available[0] needs vehicle_type_id and count" },
        { "vehicle_types", """{"data":{"vehicle_types":[{"vehicle_type_id":"1","form_factor":"bicycle"}]}}""", "vehicle_types: vehicle type '1' needs form_factor and propulsion_type" },
        { "vehicle_types", """{"data":{}}""", "vehicle_types has no data.vehicle_types list" },
        { "vehicle_types", """{"data":{"vehicle_types":[{"vehicle_type_id":"1","form_factor":"bicycle","propulsion_type":"human","name":{"text":"x"}}]}}""", "A text must be a string or an array of localized strings" },
    };

    [Theory]
    [MemberData(nameof(MissingMembers))]
    public void ParseSystem_MissingOrMistypedMember_ThrowsPayloadExceptionNamingIt(string document, string json, string problem)
    {
        var information = document == "station_information" ? Utf8(json) : Stations("""{"station_id":"a","name":"A","lat":1,"lon":2}""");
        var status = document == "station_status" ? Utf8(json) : MinimalStatus;
        var types = document == "vehicle_types" ? Utf8(json) : [];

        var error = Assert.Throws<FeedPayloadException>(() => GbfsParser.ParseSystem("citibike", information, status, types));

        Assert.Equal(FeedErrorKind.BadPayload, error.Kind);
        Assert.Equal("citibike", error.FeedName);
        Assert.StartsWith(document, error.Problem, StringComparison.Ordinal);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.Contains("Feed 'citibike'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("station_information")]
    [InlineData("station_status")]
    [InlineData("vehicle_types")]
    public void ParseSystem_EmptyOrWhitespaceDocument_ThrowsPayloadExceptionNamingIt(string document)
    {
        foreach (var payload in new[] { ""u8.ToArray(), " \r\n"u8.ToArray(), [0xEF, 0xBB, 0xBF] })
        {
            var information = document == "station_information" ? payload : Stations();
            var status = document == "station_status" ? payload : MinimalStatus;
            // An empty vehicle_types means "the system has none", so only whitespace can be bad there.
            var types = document == "vehicle_types" ? (payload.Length == 0 ? " "u8.ToArray() : payload) : [];

            var error = Assert.Throws<FeedPayloadException>(() => GbfsParser.ParseSystem("citibike", information, status, types));

            Assert.StartsWith(document, error.Problem, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>", "is not valid GBFS JSON")]
    [InlineData("null", "is null instead of an object")]
    [InlineData("[]", "is not valid GBFS JSON")]
    [InlineData("\"data\"", "is not valid GBFS JSON")]
    [InlineData("{\"data\":{\"stations\":[]}} {}", "is not valid GBFS JSON")]
    [InlineData("{\"data\":{\"stations\":[]},}", "is not valid GBFS JSON")]
    public void ParseSystem_NotAGbfsDocument_ThrowsPayloadException(string text, string problem)
    {
        var error = Assert.Throws<FeedPayloadException>(() => GbfsParser.ParseSystem("citibike", Stations(), Utf8(text), []));

        Assert.StartsWith("station_status " + problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseSystem_DeeplyNestedUnknownMember_ThrowsPayloadExceptionInsteadOfOverflowing()
    {
        var json = "{\"x\":" + new string('[', 100_000) + new string(']', 100_000) + ",\"data\":{\"stations\":[]}}";

        var error = Assert.Throws<FeedPayloadException>(() => GbfsParser.ParseSystem("citibike", Stations(), Utf8(json), []));

        Assert.Contains("depth", error.Problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ParseSystem_EveryTruncationOfTheV23Status_ThrowsPayloadException()
    {
        var information = Fixtures.Bytes("citibike/v2.3/station_information.json");
        var status = Fixtures.Bytes("citibike/v2.3/station_status.json");
        var end = status.AsSpan().TrimEnd(" \r\n\t"u8).Length;

        for (var length = 0; length < end; length++)
        {
            var error = Assert.Throws<FeedPayloadException>(() => GbfsParser.ParseSystem("citibike", information, status.AsSpan(0, length), []));
            Assert.StartsWith("station_status", error.Problem, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.5)]
    [InlineData(0.999999)]
    public void ParseSystem_TruncatedV11Capture_ThrowsPayloadException(double fraction)
    {
        var information = Fixtures.Bytes(V11Information);
        var status = Fixtures.Bytes(V11Status);

        var error = Assert.Throws<FeedPayloadException>(() => GbfsParser.ParseSystem(
            "citibike", information.AsSpan(0, (int)(information.Length * fraction)), status, []));

        Assert.StartsWith("station_information is not valid GBFS JSON", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{", 0, 0x01, "is not valid GBFS JSON")]                    // the first '{' -> 'z'
    [InlineData("\"station_id\"", 0, 0x01, "is not valid GBFS JSON")]       // opening quote -> '#'
    [InlineData("\"station_id\"", 10, 0x01, "has no station_id")]          // "station_id" -> "station_ie"
    [InlineData("\"data\"", 2, 0x01, "has no data object")]                 // "data" -> "d`ta"
    [InlineData("\"is_renting\": 1", 14, 0x02, "A flag must be")]           // 1 -> 3
    [InlineData("\"num_bikes_available\"", 3, 0x80, "has neither num_bikes_available")] // invalid UTF-8: an unknown name
    public void ParseSystem_BitFlippedV23Status_ThrowsPayloadExceptionSayingWhatBroke(string anchor, int offset, byte bit, string problem)
    {
        var information = Fixtures.Bytes("citibike/v2.3/station_information.json");
        var status = Fixtures.Bytes("citibike/v2.3/station_status.json");
        var at = status.AsSpan().IndexOf(Encoding.UTF8.GetBytes(anchor));
        Assert.True(at >= 0, $"anchor {anchor} not in the capture");
        status[at + offset] ^= bit;

        var error = Assert.Throws<FeedPayloadException>(() => GbfsParser.ParseSystem("citibike", information, status, []));

        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseSystem_RandomBitFlipsInEveryV30Document_GiveAResultOrPayloadException()
    {
        var documents = new[] { "station_information", "station_status", "vehicle_types" }
            .Select(name => Fixtures.Bytes($"citibike/v3.0/{name}.json"))
            .ToArray();

        Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Int[0, 7]).Sample(
            (document, position, bit) =>
            {
                var copies = documents.Select(d => (byte[])d.Clone()).ToArray();
                var target = copies[document];
                target[position % target.Length] ^= (byte)(1 << bit);
                AssertResultOrPayloadException(() => GbfsParser.ParseSystem("citibike", copies[0], copies[1], copies[2]));
            },
            iter: 3000,
            threads: 1);
    }

    [Fact]
    public void ParseSystem_RandomBitFlipsInTheV11Status_GiveAResultOrPayloadException()
    {
        var information = Fixtures.Bytes(V11Information);
        var status = Fixtures.Bytes(V11Status);

        Gen.Int[0, (status.Length * 8) - 1].Sample(
            bitIndex =>
            {
                var copy = (byte[])status.Clone();
                copy[bitIndex / 8] ^= (byte)(1 << (bitIndex % 8));
                AssertResultOrPayloadException(() => GbfsParser.ParseSystem("citibike", information, copy, []));
            },
            iter: 40,
            threads: 1);
    }

    [Fact]
    public void Parse_RandomBytes_ThrowPayloadException()
    {
        Gen.Byte.Array[0, 300].Sample(
            bytes =>
            {
                Assert.Throws<FeedPayloadException>(() => GbfsParser.ParseSystem("citibike", bytes, MinimalStatus, []));
                Assert.Throws<FeedPayloadException>(() => GbfsParser.ParseSystem("citibike", Stations(), bytes, []));
                Assert.Throws<FeedPayloadException>(() => GbfsParser.ParseDiscovery("citibike", bytes));
            },
            iter: 2000,
            threads: 1);
    }

    [Fact]
    public void Parse_RandomJsonShapedText_GivesAResultOrPayloadException()
    {
        var pieces = Gen.OneOf(new[]
        {
            "{", "}", "[", "]", ",", ":", "\"data\"", "\"stations\"", "\"feeds\"", "\"station_id\"", "\"name\"", "\"en\"",
            "\"num_bikes_available\"", "\"is_renting\"", "\"last_updated\"", "\"vehicle_types\"", "\"url\"", "\"text\"",
            "\"language\"", "1", "-1", "0", "1e400", "true", "null", "\"x\"", "\"2026-09-29T19:39:44Z\"", " ",
        });
        pieces.Array[0, 60].Select(parts => Utf8(string.Concat(parts))).Sample(
            bytes =>
            {
                AssertResultOrPayloadException(() => GbfsParser.ParseSystem("citibike", bytes, bytes, bytes));
                AssertResultOrPayloadException(() => GbfsParser.ParseDiscovery("citibike", bytes));
            },
            iter: 3000,
            threads: 1);
    }

    [Theory]
    [InlineData("""{"data":{}}""", "gbfs.json has neither data.feeds (3.0) nor data.<language>.feeds (1.1/2.x)")]
    [InlineData("""{"data":{"en":{}}}""", "gbfs.json has neither data.feeds")]
    [InlineData("""{"data":[]}""", "The discovery's data must be an object")]
    [InlineData("""{"data":{"feeds":[{"url":"https://x.org/a.json"}]}}""", "gbfs.json: feeds[0] has no name")]
    [InlineData("""{"data":{"feeds":[{"name":"station_status"}]}}""", "gbfs.json: feed 'station_status' has no absolute url")]
    [InlineData("""{"data":{"en":{"feeds":[{"name":"station_status","url":"station_status.json"}]}}}""", "gbfs.json: feed 'station_status' has no absolute url")]
    [InlineData("""{"data":{"en":{"feeds":[null]}}}""", "gbfs.json: feeds[0] has no name")]
    [InlineData("""{"data":{"feeds":[{"name":"a","url":"https://x.org/a.json"}]}""", "gbfs.json is not valid GBFS JSON")]
    [InlineData("", "gbfs.json is empty")]
    public void ParseDiscovery_BadDocument_ThrowsPayloadExceptionNamingTheProblem(string json, string problem)
    {
        var error = Assert.Throws<FeedPayloadException>(() => GbfsParser.ParseDiscovery("citibike", Utf8(json)));

        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.Equal("citibike", error.FeedName);
    }

    [Fact]
    public void ParseDiscovery_EveryTruncationOfTheV30Discovery_ThrowsPayloadException()
    {
        var discovery = Fixtures.Bytes("citibike/v3.0/gbfs.json");
        var end = discovery.AsSpan().TrimEnd(" \r\n\t"u8).Length;

        for (var length = 0; length < end; length++)
        {
            Assert.Throws<FeedPayloadException>(() => GbfsParser.ParseDiscovery("citibike", discovery.AsSpan(0, length)));
        }
    }

    private static void AssertResultOrPayloadException(Func<object> parse)
    {
        try
        {
            Assert.NotNull(parse());
        }
        catch (FeedPayloadException error)
        {
            Assert.False(string.IsNullOrWhiteSpace(error.Problem));
        }
    }
}
