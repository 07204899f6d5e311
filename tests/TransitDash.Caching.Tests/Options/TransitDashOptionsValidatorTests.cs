using Microsoft.Extensions.Options;
using TransitDash.Options;
using TransitDash.Polling;

namespace TransitDash.Caching.Tests.Options;

public sealed class TransitDashOptionsValidatorTests
{
    private static string[] Problems(Dictionary<string, string?> values, params SourceRegistration[] userSources)
    {
        var options = TransitDashConfigurationReaderTests.Read(values);
        var result = new TransitDashOptionsValidator(userSources).Validate(null, options);
        return result.Failed ? result.Failures!.ToArray() : [];
    }

    private static Dictionary<string, string?> FiDiWith(params (string Key, string? Value)[] changes)
    {
        var values = TransitDashConfigurationReaderTests.FiDi();
        foreach (var (key, value) in changes)
        {
            values["TransitDash:" + key] = value;
        }

        return values;
    }

    [Fact]
    public void Validate_FiDiConfiguration_Succeeds()
    {
        Assert.Empty(Problems(TransitDashConfigurationReaderTests.FiDi()));
    }

    [Fact]
    public void Validate_NegativeInterval_NamesKeyAndValue()
    {
        var problems = Problems(FiDiWith(("Subway:PollInterval", "-5s")));

        Assert.Equal(["TransitDash:Subway:PollInterval: '-5s' is not a positive duration"], problems);
    }

    [Fact]
    public void Validate_AttemptTimeoutLongerThanShortestInterval_IsAProblem()
    {
        var problems = Problems(FiDiWith(("Subway:PollInterval", "10s"), ("Resilience:AttemptTimeout", "15s")));

        Assert.Equal(["TransitDash:Resilience:AttemptTimeout: '15s' is longer than the shortest poll interval ('10s', Subway:PollInterval)"], problems);
    }

    [Theory]
    [InlineData("Resilience:BreakerFailures", "1", "'1' is not a whole number of 2 or more (a circuit opens after a run of failed polls, at least two)")]
    [InlineData("Resilience:BreakerDuration", "200ms", "'200ms' is not between 500ms and 24h")]
    [InlineData("Resilience:BreakerDuration", "2d", "'48h' is not between 500ms and 24h")]
    [InlineData("Resilience:AttemptTimeout", "5ms", "'5ms' is not between 10ms and 24h")]
    public void Validate_ResilienceValueThePipelineCannotTake_IsAProblem(string key, string value, string problem)
    {
        Assert.Equal([$"TransitDash:{key}: {problem}"], Problems(FiDiWith((key, value))));
    }

    [Fact]
    public void Validate_StaleAfterNotLongerThanLongestInterval_IsAProblem()
    {
        var problems = Problems(FiDiWith(("Health:StaleAfter", "60s")));

        Assert.Contains("TransitDash:Health:StaleAfter: '60s' is not longer than the longest poll interval ('60s', Alerts:PollInterval)", problems);
    }

    [Fact]
    public void Validate_ErrorAfterNotLongerThanStaleAfter_IsAProblem()
    {
        var problems = Problems(FiDiWith(("Health:ErrorAfter", "90s")));

        Assert.Equal(["TransitDash:Health:ErrorAfter: '90s' is not longer than Health:StaleAfter ('90s')"], problems);
    }

    [Theory]
    [InlineData("ftp://example.com/feed")]
    [InlineData("api-endpoint.mta.info/feed")]
    [InlineData("/no/such/recording")]
    public void Validate_UrlNeitherHttpNorAFile_IsAProblem(string url)
    {
        var problems = Problems(FiDiWith(("Subway:Feeds:1:Url", url)));

        Assert.Equal([$"TransitDash:Subway:Feeds:1:Url: '{url}' is neither an absolute http(s) URL nor an existing file or directory"], problems);
    }

    [Fact]
    public void Validate_FileAndDirectoryLocations_AreAccepted()
    {
        var directory = Directory.CreateTempSubdirectory("transitdash-validator-");
        try
        {
            var file = Path.Combine(directory.FullName, "gbfs.json");
            File.WriteAllText(file, "{}");

            var problems = Problems(FiDiWith(
                ("Subway:Feeds:0:Url", directory.FullName),
                ("Subway:Feeds:1:Url", new Uri(file).AbsoluteUri),
                ("Citibike:DiscoveryUrl", file)));

            Assert.Empty(problems);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Validate_BadUrlWithQuery_HidesTheQuery()
    {
        var problems = Problems(FiDiWith(("Alerts:Url", "gopher://host/alerts?key=secret")));

        var problem = Assert.Single(problems);
        Assert.DoesNotContain("secret", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_StationsWithoutIdentity_AreProblems()
    {
        var values = FiDiWith(("Subway:Stations:2:Name", ""), ("Citibike:Stations:1:Id", ""));
        values["TransitDash:Subway:Stations:2:StopIds"] = "";

        var problems = Problems(values);

        Assert.Contains("TransitDash:Subway:Stations:2: a station needs a Name or StopIds", problems);
        Assert.Contains("TransitDash:Citibike:Stations:1: a bike station needs an Id or a Name", problems);
    }

    [Fact]
    public void Validate_DuplicateFeedNames_AreAProblem()
    {
        var problems = Problems(FiDiWith(("Subway:Feeds:1:Name", "1234567s")));

        Assert.Equal(["TransitDash:Subway:Feeds:1:Name: '1234567s' is already the name of Subway:Feeds:0; feed names must be unique"], problems);
    }

    [Fact]
    public void Validate_RequiredKeysOfPresentSections_AreProblems()
    {
        var problems = Problems(new Dictionary<string, string?>
        {
            ["TransitDash:Subway:PollInterval"] = "30s",
            ["TransitDash:Citibike:Language"] = "en",
        });

        Assert.Equal(
            [
                "TransitDash:Subway:Feeds: at least one feed is required when the Subway section is present",
                "TransitDash:Citibike:DiscoveryUrl: required when the Citibike section is present",
            ],
            problems);
    }

    [Fact]
    public void Validate_ManyProblems_ReportsEveryOneInOneResult()
    {
        var values = FiDiWith(
            ("Subway:PollInterval", "-5s"),
            ("Citibike:PollInterval", "soon"),
            ("Resilience:Retries", "-1"),
            ("Citibike:Near:Lat", "123"),
            ("History:Retention", "0s"));
        values["TransitDash:Health:Unknown"] = "1";

        var options = TransitDashConfigurationReaderTests.Read(values);
        var result = new TransitDashOptionsValidator([]).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(6, result.Failures!.Count());
        var message = new OptionsValidationException("TransitDash", typeof(TransitDashOptions), result.Failures).Message;
        Assert.Contains("TransitDash:Subway:PollInterval: '-5s' is not a positive duration", message, StringComparison.Ordinal);
        Assert.Contains("TransitDash:Citibike:PollInterval: 'soon' is not a duration", message, StringComparison.Ordinal);
        Assert.Contains("TransitDash:Resilience:Retries: '-1' is not zero or more", message, StringComparison.Ordinal);
        Assert.Contains("TransitDash:Citibike:Near:Lat: '123' is not a latitude", message, StringComparison.Ordinal);
        Assert.Contains("TransitDash:History:Retention: '0s' is not a positive duration", message, StringComparison.Ordinal);
        Assert.Contains("TransitDash:Health:Unknown: unknown key", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OptionsSetInCode_AreCheckedUnderTheSectionPath()
    {
        var options = new TransitDashOptions { Health = new HealthOptions { StaleAfter = TimeSpan.FromSeconds(-1) } };

        var result = new TransitDashOptionsValidator([]).Validate(null, options);

        Assert.Equal(["TransitDash:Health:StaleAfter: '-1s' is not a positive duration"], result.Failures);
    }

    [Fact]
    public void Validate_UserSources_TakePartInTheRulesAndMustHaveFreeNames()
    {
        var slow = new SourceRegistration("weather", TimeSpan.FromMinutes(5), (_, _) => null!);
        var clash = new SourceRegistration("Subway", TimeSpan.FromSeconds(30), (_, _) => null!);

        var problems = Problems(TransitDashConfigurationReaderTests.FiDi(), slow, clash);

        Assert.Contains("Source 'Subway': the name is already taken (by a built-in source or another AddSource call)", problems);
        Assert.Contains("TransitDash:Health:StaleAfter: '90s' is not longer than the longest poll interval ('5m', source 'weather')", problems);
    }
}
