using Microsoft.Extensions.Configuration;
using TransitDash.Options;

namespace TransitDash.Caching.Redis.Tests.Options;

public sealed class RedisOptionsReaderTests
{
    private static IConfigurationRoot Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    private static RedisSnapshotOptions Read(IConfiguration configuration)
    {
        var options = new RedisSnapshotOptions();
        RedisOptionsReader.Read(RedisOptionsReader.Locate(configuration), options);
        return options;
    }

    [Fact]
    public void Read_EveryKey_IsReadWithDurationsAsConfigurationSpellsThem()
    {
        var options = Read(Configuration(
            ("TransitDash:Redis:Configuration", "redis.internal:6380,ssl=true"),
            ("TransitDash:Redis:KeyPrefix", "fidi"),
            ("TransitDash:Redis:LeaseDuration", "4.5s"),
            ("TransitDash:Redis:PollWhenUnreachable", "true")));

        Assert.Equal("redis.internal:6380,ssl=true", options.Configuration);
        Assert.Equal("fidi", options.KeyPrefix);
        Assert.Equal(TimeSpan.FromSeconds(4.5), options.LeaseDuration);
        Assert.True(options.PollWhenUnreachable);
        Assert.Empty(options.BindingProblems);
    }

    [Fact]
    public void Read_NoKeys_KeepsTheDocumentedDefaults()
    {
        var options = Read(Configuration(("TransitDash:Redis:Configuration", "localhost:6379")));

        Assert.Equal("transitdash", options.KeyPrefix);
        Assert.Equal(TimeSpan.FromSeconds(15), options.LeaseDuration);
        Assert.False(options.PollWhenUnreachable);
        Assert.Matches("^.+-[0-9]+$", options.ReplicaName);
    }

    [Theory]
    [InlineData("TransitDash")]
    [InlineData("TransitDash:Redis")]
    public void Locate_TransitDashOrRedisSection_FindsTheRedisSection(string given)
    {
        var configuration = Configuration(("TransitDash:Redis:KeyPrefix", "fidi"));

        var options = Read(configuration.GetSection(given));

        Assert.Equal("fidi", options.KeyPrefix);
        Assert.Equal("TransitDash:Redis", options.ConfigurationPath);
    }

    [Fact]
    public void Read_BadValuesAndUnknownKeys_AreEachAProblemWithItsPath()
    {
        var options = Read(Configuration(
            ("TransitDash:Redis:LeaseDuration", "soon"),
            ("TransitDash:Redis:PollWhenUnreachable", "maybe"),
            ("TransitDash:Redis:Lease", "15s")));

        Assert.Equal(
            [
                "TransitDash:Redis:Lease: unknown key (expected one of Configuration, KeyPrefix, LeaseDuration, PollWhenUnreachable)",
                "TransitDash:Redis:LeaseDuration: 'soon' is not a duration (write it like 15s, 1.5s, 2m or 00:00:15)",
                "TransitDash:Redis:PollWhenUnreachable: 'maybe' is not true or false",
            ],
            options.BindingProblems);
    }
}
