using Microsoft.Extensions.Configuration;
using TransitDash.ConsoleHost.Recording;
using TransitDash.Feeds.Http;
using TransitDash.Testing;

namespace TransitDash.ConsoleHost.Tests.Recording;

public sealed class ReplayPlanTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2019, 9, 15, 0, 1, 20, TimeSpan.Zero);

    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Read_Recording_FindsItsSourcesAndTheFirstResponseTime()
    {
        await RecordAsync();

        var plan = ReplayPlan.Read(folder.FullPath);

        Assert.Equal(["ACE", "NQRW"], plan.SubwayFeeds);
        Assert.True(plan.Alerts);
        Assert.False(plan.Citibike);
        Assert.Equal(Start, plan.Start);
    }

    [Fact]
    public async Task Apply_Configuration_PointsRecordedFeedsAtTheRecordingTurnsTheRestOffAndSetsTheClock()
    {
        await RecordAsync();
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TransitDash:Subway:PollInterval"] = "30s",
            ["TransitDash:Subway:Feeds:0:Name"] = "NQRW",
            ["TransitDash:Subway:Feeds:0:Url"] = "https://mta.test/nqrw",
            ["TransitDash:Subway:Feeds:1:Name"] = "G",
            ["TransitDash:Subway:Feeds:1:Url"] = "https://mta.test/g",
            ["TransitDash:Subway:Feeds:2:Name"] = "ACE",
            ["TransitDash:Subway:Feeds:2:Url"] = "https://mta.test/ace",
            ["TransitDash:Subway:Stations:0:Name"] = "Wall St",
            ["TransitDash:Alerts:Url"] = "https://mta.test/alerts",
            ["TransitDash:Citibike:DiscoveryUrl"] = "https://gbfs.test/gbfs.json",
        });

        ReplayPlan.Read(folder.FullPath).Apply(configuration);

        Assert.Equal("NQRW", configuration["TransitDash:Subway:Feeds:0:Name"]);
        Assert.Equal(folder.PathOf("subway/NQRW"), configuration["TransitDash:Subway:Feeds:0:Url"]);
        Assert.Equal("ACE", configuration["TransitDash:Subway:Feeds:1:Name"]);
        Assert.Equal(folder.PathOf("subway/ACE"), configuration["TransitDash:Subway:Feeds:1:Url"]);
        Assert.Equal(2, configuration.GetSection("TransitDash:Subway:Feeds").GetChildren().Count());
        Assert.Equal("Wall St", configuration["TransitDash:Subway:Stations:0:Name"]);
        Assert.Equal("30s", configuration["TransitDash:Subway:PollInterval"]);
        Assert.Equal(folder.PathOf("alerts"), configuration["TransitDash:Alerts:Url"]);
        Assert.False(configuration.GetSection("TransitDash:Citibike").Exists());
        Assert.Equal(Start, DateTimeOffset.Parse(configuration["TransitDash:ClockStart"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Read_FolderWithoutRecording_SaysSo()
    {
        var error = Assert.Throws<ArgumentException>(() => ReplayPlan.Read(folder.FullPath));

        Assert.Contains("holds no recording", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFolder_SaysSo()
    {
        var error = Assert.Throws<ArgumentException>(() => ReplayPlan.Read(folder.PathOf("nowhere")));

        Assert.Equal($"the recording folder '{folder.PathOf("nowhere")}' does not exist", error.Message);
    }

    private async Task RecordAsync()
    {
        using var writer = new RecordingWriter(folder.FullPath, ["ACE", "NQRW"], alerts: true, citibike: false);
        await writer.WriteAsync(new FeedRequest("ACE", "https://mta.test/ace"), Response("ACE", Start.AddSeconds(2)));
        await writer.WriteAsync(new FeedRequest("NQRW", "https://mta.test/nqrw"), Response("NQRW", Start));
        await writer.WriteAsync(new FeedRequest("alerts", "https://mta.test/alerts"), Response("alerts", Start.AddSeconds(1)));
    }

    private static FeedResponse Response(string feed, DateTimeOffset at) =>
        new(feed, 200, false, new byte[] { 1 }, null, null, null, at, TimeSpan.Zero, new Dictionary<string, string>(), null);
}
