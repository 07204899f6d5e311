using Microsoft.Extensions.Configuration;
using TransitDash.Options;

namespace TransitDash.Caching.Tests.Options;

public sealed class TransitDashConfigurationReaderTests
{
    /// <summary>The FiDi board's configuration as the YAML source flattens it.</summary>
    internal static Dictionary<string, string?> FiDi() => new()
    {
        ["TransitDash:Subway:PollInterval"] = "30s",
        ["TransitDash:Subway:ApiKey"] = "",
        ["TransitDash:Subway:Feeds:0:Name"] = "1234567S",
        ["TransitDash:Subway:Feeds:0:Url"] = "https://api-endpoint.mta.info/Dataservice/mtagtfsfeeds/nyct%2Fgtfs",
        ["TransitDash:Subway:Feeds:1:Name"] = "ACE",
        ["TransitDash:Subway:Feeds:1:Url"] = "https://api-endpoint.mta.info/Dataservice/mtagtfsfeeds/nyct%2Fgtfs-ace",
        ["TransitDash:Subway:StaticGtfs"] = "",
        ["TransitDash:Subway:HorizonMinutes"] = "60",
        ["TransitDash:Subway:Stations:0:Name"] = "Wall St",
        ["TransitDash:Subway:Stations:0:StopIds:0"] = "419",
        ["TransitDash:Subway:Stations:0:StopIds:1"] = "230",
        ["TransitDash:Subway:Stations:1:Name"] = "Broad St",
        ["TransitDash:Subway:Stations:1:StopIds:0"] = "M23",
        ["TransitDash:Alerts:PollInterval"] = "60s",
        ["TransitDash:Alerts:Url"] = "https://api-endpoint.mta.info/Dataservice/mtagtfsfeeds/camsys%2Fsubway-alerts",
        ["TransitDash:Citibike:PollInterval"] = "60s",
        ["TransitDash:Citibike:DiscoveryUrl"] = "https://gbfs.citibikenyc.com/gbfs/2.3/gbfs.json",
        ["TransitDash:Citibike:Language"] = "en",
        ["TransitDash:Citibike:Stations:0:Name"] = "Broadway & Morris St",
        ["TransitDash:Citibike:Near:Lat"] = "40.7066",
        ["TransitDash:Citibike:Near:Lon"] = "-74.0111",
        ["TransitDash:Citibike:Near:RadiusM"] = "400",
        ["TransitDash:Health:StaleAfter"] = "90s",
        ["TransitDash:Health:ErrorAfter"] = "180s",
        ["TransitDash:History:Retention"] = "24h",
        ["TransitDash:Resilience:AttemptTimeout"] = "10s",
        ["TransitDash:Resilience:Retries"] = "2",
        ["TransitDash:Resilience:RetryDelay"] = "1s",
        ["TransitDash:Resilience:RetryMaxDelay"] = "10s",
        ["TransitDash:Resilience:BreakerFailures"] = "5",
        ["TransitDash:Resilience:BreakerDuration"] = "60s",
        ["TransitDash:Resilience:MaxRequestsPerSecond"] = "10",
        ["TransitDash:Resilience:MaxResponseBytes"] = "16777216",
        ["TransitDash:Web:CorsOrigins:0"] = "*",
        ["TransitDash:ClockStart"] = "",
    };

    internal static TransitDashOptions Read(IDictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var options = new TransitDashOptions();
        TransitDashConfigurationReader.Read(configuration.GetSection("TransitDash"), options);
        return options;
    }

    [Fact]
    public void Read_FiDiConfiguration_BindsEveryKey()
    {
        var options = Read(FiDi());

        Assert.Empty(options.BindingProblems);
        var subway = Assert.IsType<SubwayOptions>(options.Subway);
        Assert.Equal(TimeSpan.FromSeconds(30), subway.PollInterval);
        Assert.Equal(["1234567S", "ACE"], subway.Feeds.Select(f => f.Name));
        Assert.Equal(["419", "230"], subway.Stations[0].StopIds);
        Assert.Equal("Broad St", subway.Stations[1].Name);
        Assert.Equal(60, subway.HorizonMinutes);
        Assert.True(options.AlertsEnabled);
        var citibike = Assert.IsType<CitibikeOptions>(options.Citibike);
        Assert.Equal("Broadway & Morris St", citibike.Stations[0].Name);
        Assert.Equal(400, citibike.Near!.RadiusM);
        Assert.Equal(-74.0111, citibike.Near.Lon);
        Assert.Equal(TimeSpan.FromHours(24), options.History.Retention);
        Assert.Equal(16_777_216, options.Resilience.MaxResponseBytes);
        Assert.Null(options.ClockStart);
        Assert.Equal("TransitDash", options.ConfigurationPath);
    }

    [Fact]
    public void Read_KeysLeftOut_TakeTheDocumentedDefaults()
    {
        var options = Read(new Dictionary<string, string?>
        {
            ["TransitDash:Subway:Feeds:0:Name"] = "ACE",
            ["TransitDash:Subway:Feeds:0:Url"] = "http://127.0.0.1:1/ace",
            ["TransitDash:Citibike:DiscoveryUrl"] = "http://127.0.0.1:1/gbfs.json",
        });

        Assert.Empty(options.BindingProblems);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Subway!.PollInterval);
        Assert.Equal(60, options.Subway.HorizonMinutes);
        Assert.Equal(TimeSpan.FromSeconds(60), options.Citibike!.PollInterval);
        Assert.Equal("en", options.Citibike.Language);
        Assert.Null(options.Citibike.Near);
        Assert.Null(options.Alerts);
        Assert.False(options.AlertsEnabled);
        Assert.Equal(TimeSpan.FromSeconds(90), options.Health.StaleAfter);
        Assert.Equal(TimeSpan.FromSeconds(180), options.Health.ErrorAfter);
        Assert.Equal(TimeSpan.FromHours(24), options.History.Retention);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Resilience.AttemptTimeout);
        Assert.Equal(2, options.Resilience.Retries);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Resilience.RetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Resilience.RetryMaxDelay);
        Assert.Equal(5, options.Resilience.BreakerFailures);
        Assert.Equal(TimeSpan.FromSeconds(60), options.Resilience.BreakerDuration);
        Assert.Equal(10, options.Resilience.MaxRequestsPerSecond);
    }

    [Fact]
    public void Read_SectionsAbsentOrEmpty_LeaveTheSourcesOff()
    {
        var options = Read(new Dictionary<string, string?>
        {
            ["TransitDash:Alerts"] = "",
            ["TransitDash:Health:StaleAfter"] = "2m",
        });

        Assert.Empty(options.BindingProblems);
        Assert.Null(options.Subway);
        Assert.Null(options.Citibike);
        Assert.Null(options.Alerts);
    }

    [Fact]
    public void Read_AlertsWithEmptyUrl_IsOff()
    {
        var options = Read(new Dictionary<string, string?> { ["TransitDash:Alerts:PollInterval"] = "60s", ["TransitDash:Alerts:Url"] = "" });

        Assert.NotNull(options.Alerts);
        Assert.False(options.AlertsEnabled);
    }

    [Fact]
    public void Read_DurationsFromCommandLineAndEnvironment_ReadLikeTheFile()
    {
        var prefix = $"TDTEST{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "TransitDash__Citibike__PollInterval", "1.5m");
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(FiDi())
                .AddEnvironmentVariables(prefix)
                .AddCommandLine(["--TransitDash:Subway:PollInterval=10s", "--TransitDash:Health:StaleAfter=00:02:00"])
                .Build();
            var options = new TransitDashOptions();

            TransitDashConfigurationReader.Read(configuration.GetSection("TransitDash"), options);

            Assert.Empty(options.BindingProblems);
            Assert.Equal(TimeSpan.FromSeconds(10), options.Subway!.PollInterval);
            Assert.Equal(TimeSpan.FromSeconds(90), options.Citibike!.PollInterval);
            Assert.Equal(TimeSpan.FromMinutes(2), options.Health.StaleAfter);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "TransitDash__Citibike__PollInterval", null);
        }
    }

    [Fact]
    public void Read_ConfigurationRoot_ReadsItsTransitDashSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(FiDi()).Build();
        var options = new TransitDashOptions();

        TransitDashConfigurationReader.Read(configuration, options);

        Assert.Empty(options.BindingProblems);
        Assert.NotNull(options.Subway);
    }

    [Theory]
    [InlineData("2019-09-15T14:20:00Z", 1568557200)]
    [InlineData("2019-09-15T10:20:00-04:00", 1568557200)]
    [InlineData("1568557200", 1568557200)]
    public void Read_ClockStart_ReadsIsoOrEpochSeconds(string text, long epochSeconds)
    {
        var options = Read(new Dictionary<string, string?> { ["TransitDash:ClockStart"] = text });

        Assert.Empty(options.BindingProblems);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(epochSeconds), options.ClockStart);
    }

    [Fact]
    public void Read_UnknownKeys_AreProblemsNamingThem()
    {
        var values = FiDi();
        values["TransitDash:Subway:PollIntervall"] = "30s";
        values["TransitDash:Subway:Feeds:0:Uri"] = "x";
        values["TransitDash:Citibike:Near:Radius"] = "5";
        values["TransitDash:Subwy:PollInterval"] = "30s";
        values["TransitDash:Redis:Configuration"] = "localhost:6379";

        var problems = Read(values).BindingProblems;

        Assert.Contains(problems, p => p.StartsWith("TransitDash:Subway:PollIntervall: unknown key", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("TransitDash:Subway:Feeds:0:Uri: unknown key", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("TransitDash:Citibike:Near:Radius: unknown key", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("TransitDash:Subwy: unknown key", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.StartsWith("TransitDash:Redis", StringComparison.Ordinal) || p.StartsWith("TransitDash:Web", StringComparison.Ordinal));
        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void Read_UnreadableValues_AreProblemsWithPathAndValue()
    {
        var values = FiDi();
        values["TransitDash:Subway:PollInterval"] = "thirty";
        values["TransitDash:Subway:HorizonMinutes"] = "an hour";
        values["TransitDash:Citibike:Near:Lat"] = "north";
        values["TransitDash:ClockStart"] = "yesterday";

        var problems = Read(values).BindingProblems;

        Assert.Contains("TransitDash:Subway:PollInterval: 'thirty' is not a duration (write it like 30s, 1.5s, 2m, 1h or 00:00:30)", problems);
        Assert.Contains("TransitDash:Subway:HorizonMinutes: 'an hour' is not a whole number", problems);
        Assert.Contains("TransitDash:Citibike:Near:Lat: 'north' is not a number", problems);
        Assert.Contains(problems, p => p.StartsWith("TransitDash:ClockStart: 'yesterday' is not an instant", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ValueWhereASectionBelongs_IsAProblem()
    {
        var problems = Read(new Dictionary<string, string?> { ["TransitDash:Subway"] = "on" }).BindingProblems;

        Assert.Equal(["TransitDash:Subway: 'on' is a value, but a section with keys belongs here"], problems);
    }

    [Fact]
    public void Read_SingleStopIdWithoutIndex_IsAListOfOne()
    {
        var values = FiDi();
        values.Remove("TransitDash:Subway:Stations:1:StopIds:0");
        values["TransitDash:Subway:Stations:1:StopIds"] = "M23";

        var options = Read(values);

        Assert.Empty(options.BindingProblems);
        Assert.Equal(["M23"], options.Subway!.Stations[1].StopIds);
    }

    [Fact]
    public void Read_TwiceIntoTheSameOptions_ReplacesRatherThanAppends()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(FiDi()).Build();
        var options = new TransitDashOptions();

        TransitDashConfigurationReader.Read(configuration.GetSection("TransitDash"), options);
        TransitDashConfigurationReader.Read(configuration.GetSection("TransitDash"), options);

        Assert.Equal(2, options.Subway!.Feeds.Count);
        Assert.Equal(2, options.Subway.Stations.Count);
    }
}
