using System.Net;
using TransitDash.Testing;
using TransitDash.Web.Tests.Support;

namespace TransitDash.Web.Tests.Api;

public sealed class SubwayApiTests(RecordingsHost recordings)
{
    // Trains far enough out to stay listed however long the shared host has been running in this suite.
    private static readonly IEnumerable<ExpectedArrival> LaterTrains = ExpectedArrival.Recorded2019.Where(t => t.ArrivalTime > RecordedUpstream.MomentSeconds + 300);

    [Fact]
    public async Task Get_Recordings_ListsTheRecordedTrainsSoonestFirst()
    {
        var host = await recordings.GetAsync();

        var answer = await ApiAnswer.GetAsync(host.Client, "/api/subway?limit=500");

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal("application/json", answer.ContentHeaders.ContentType?.MediaType);
        Assert.True((bool?)answer.Json!["success"]);
        Assert.NotNull((long?)answer.Json["last_updated"]);
        Assert.True((long?)answer.Json["staleness_seconds"] >= 0);
        foreach (var train in LaterTrains)
        {
            train.AssertListedIn(answer.Data, host.ClockElapsedAtMost);
        }

        var times = answer.Data.Select(a => (long)a!["arrival_time"]!).ToList();
        Assert.Equal(times.Order(), times);
        Assert.All(answer.Data, a => Assert.Contains((string?)a!["station"], new[] { "Wall St", "Broad St", "Rector St", "South Ferry", "Whitehall St", "Bowling Green" }));
    }

    [Theory]
    [InlineData("station=wall%20st", "station", "Wall St")]
    [InlineData("station=Rector%20St&line=1&direction=S", "trip_id", "120200_1..S12R")]
    [InlineData("stop_id=419", "station", "Wall St")]
    [InlineData("stop_id=M23S", "stop_id", "M23S")]
    [InlineData("line=J", "line", "J")]
    [InlineData("direction=n", "direction", "N")]
    [InlineData("line=r&direction=S&station=Whitehall%20St", "stop_id", "R27S")]
    public async Task Get_Filter_ListsOnlyMatchingArrivals(string query, string member, string value)
    {
        var host = await recordings.GetAsync();

        var answer = await ApiAnswer.GetAsync(host.Client, "/api/subway?limit=500&" + query);

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.NotEmpty(answer.Data);
        if (member == "trip_id")
        {
            Assert.Contains(answer.Data, a => (string?)a![member] == value);
        }
        else
        {
            Assert.All(answer.Data, a => Assert.Equal(value, (string?)a![member]));
        }

        var all = await ApiAnswer.GetAsync(host.Client, "/api/subway?limit=500");
        Assert.True(answer.Data.Count < all.Data.Count, "the filter listed everything");
    }

    [Fact]
    public async Task Get_StopIdFilter_MatchesTheParentAndItsPlatforms()
    {
        var host = await recordings.GetAsync();

        var parent = await ApiAnswer.GetAsync(host.Client, "/api/subway?limit=500&stop_id=419");
        var north = await ApiAnswer.GetAsync(host.Client, "/api/subway?limit=500&stop_id=419N");

        Assert.Equal(["419N", "419S"], parent.Data.Select(a => (string)a!["stop_id"]!).Distinct().Order());
        Assert.Equal(["419N"], north.Data.Select(a => (string)a!["stop_id"]!).Distinct());
    }

    [Fact]
    public async Task Get_Limit_ListsTheSoonestArrivals()
    {
        var host = await recordings.GetAsync();

        var all = await ApiAnswer.GetAsync(host.Client, "/api/subway?limit=500");
        var three = await ApiAnswer.GetAsync(host.Client, "/api/subway?limit=3");
        var byDefault = await ApiAnswer.GetAsync(host.Client, "/api/subway");

        Assert.Equal(all.Data.Take(3).Select(a => (string?)a!["trip_id"]), three.Data.Select(a => (string?)a!["trip_id"]));
        Assert.Equal(Math.Min(100, all.Data.Count), byDefault.Data.Count);
    }

    [Theory]
    [InlineData("line=7")]
    [InlineData("station=Wall%20St&line=J")]
    [InlineData("stop_id=142&direction=S&line=4")]
    public async Task Get_ValidFilterMatchingNothing_AnswersAnEmptyList(string query)
    {
        var host = await recordings.GetAsync();

        var answer = await ApiAnswer.GetAsync(host.Client, "/api/subway?" + query);

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.True((bool?)answer.Json!["success"]);
        Assert.Empty(answer.Data);
    }

    [Theory]
    [InlineData("station=Times%20Sq", "station")]
    [InlineData("station=", "station")]
    [InlineData("stop_id=127", "stop_id")]
    [InlineData("stop_id=R2", "stop_id")]
    [InlineData("stop_id=419NN", "stop_id")]
    [InlineData("line=ABCDE", "line")]
    [InlineData("line=4%21", "line")]
    [InlineData("direction=E", "direction")]
    [InlineData("direction=North", "direction")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=1.5", "limit")]
    [InlineData("limit=99999999999999999999", "limit")]
    [InlineData("limit=1&limit=2", "limit")]
    public async Task Get_BadValue_Answers400NamingTheParameter(string query, string parameter)
    {
        var host = await recordings.GetAsync();

        var answer = await ApiAnswer.GetAsync(host.Client, "/api/subway?" + query);

        answer.AssertBadParameter(parameter);
    }

    [Fact]
    public async Task Get_SeveralBadValues_NamesEachParameter()
    {
        var host = await recordings.GetAsync();

        var answer = await ApiAnswer.GetAsync(host.Client, "/api/subway?limit=0&direction=X&station=Nowhere");

        answer.AssertBadParameter("limit");
        answer.AssertBadParameter("direction");
        answer.AssertBadParameter("station");
    }
}
