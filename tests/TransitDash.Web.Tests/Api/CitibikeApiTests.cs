using System.Net;
using TransitDash.Web.Tests.Support;

namespace TransitDash.Web.Tests.Api;

public sealed class CitibikeApiTests(RecordingsHost recordings)
{
    [Fact]
    public async Task Get_Recordings_ListsTheConfiguredStationsWithTheRecordedCounts()
    {
        var host = await recordings.GetAsync();

        var answer = await ApiAnswer.GetAsync(host.Client, "/api/citibike");

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.True((bool?)answer.Json!["success"]);
        Assert.NotNull((long?)answer.Json["last_updated"]);
        Assert.True((long?)answer.Json["staleness_seconds"] >= 0);
        ExpectedDock.AssertListed(answer.Data, [.. ExpectedDock.Listed]);
    }

    [Fact]
    public async Task Get_StationId_ListsThatStation()
    {
        var host = await recordings.GetAsync();

        var answer = await ApiAnswer.GetAsync(host.Client, "/api/citibike?station_id=" + ExpectedDock.W18StAnd6Ave);

        ExpectedDock.AssertListed(answer.Data, ExpectedDock.Get(ExpectedDock.W18StAnd6Ave));
    }

    [Theory]
    [InlineData("near=40.73971301,-73.99456405&radius_m=50", new[] { ExpectedDock.W18StAnd6Ave })]
    [InlineData("near=40.74173969,-73.99415556&radius_m=250", new[] { ExpectedDock.W21StAnd6Ave, ExpectedDock.W18StAnd6Ave })]
    [InlineData("near=40.74173969,-73.99415556", new[] { ExpectedDock.W21StAnd6Ave, "5f7ac86c-1a98-4603-8749-4bb83ac84acd", "2e74ea1d-02a0-47bf-9665-dce2d65de8d7", ExpectedDock.W18StAnd6Ave, "66db95e5-0aca-11e7-82f6-3863bb44ef7c" })]
    [InlineData("near=40.7066,-74.0111", new string[0])]
    [InlineData("limit=2", new[] { ExpectedDock.W21StAnd6Ave, "5f7ac86c-1a98-4603-8749-4bb83ac84acd" })]
    [InlineData("near=40.74173969,-73.99415556&radius_m=5000&limit=1", new[] { ExpectedDock.W21StAnd6Ave })]
    public async Task Get_Filter_NarrowsTheConfiguredStationsInConfiguredOrder(string query, string[] expected)
    {
        var host = await recordings.GetAsync();

        var answer = await ApiAnswer.GetAsync(host.Client, "/api/citibike?" + query);

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        ExpectedDock.AssertListed(answer.Data, [.. expected.Select(ExpectedDock.Get)]);
    }

    [Theory]
    [InlineData("station_id=72", "station_id")]
    [InlineData("station_id=", "station_id")]
    [InlineData("near=downtown", "near")]
    [InlineData("near=40.7", "near")]
    [InlineData("near=40.7,-74.0,3", "near")]
    [InlineData("near=91,0", "near")]
    [InlineData("near=0,181", "near")]
    [InlineData("near=NaN,NaN", "near")]
    [InlineData("near=Infinity,0", "near")]
    [InlineData("near=1e309,0", "near")]
    [InlineData("radius_m=100", "radius_m")]
    [InlineData("near=40.7,-74.0&radius_m=0", "radius_m")]
    [InlineData("near=40.7,-74.0&radius_m=5001", "radius_m")]
    [InlineData("near=40.7,-74.0&radius_m=-5", "radius_m")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=2&limit=2", "limit")]
    public async Task Get_BadValue_Answers400NamingTheParameter(string query, string parameter)
    {
        var host = await recordings.GetAsync();

        var answer = await ApiAnswer.GetAsync(host.Client, "/api/citibike?" + query);

        answer.AssertBadParameter(parameter);
    }
}
