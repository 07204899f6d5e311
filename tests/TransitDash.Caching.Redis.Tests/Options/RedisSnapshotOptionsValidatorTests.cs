using TransitDash.Options;

namespace TransitDash.Caching.Redis.Tests.Options;

public sealed class RedisSnapshotOptionsValidatorTests
{
    private static string[] Problems(Action<RedisSnapshotOptions> configure)
    {
        var options = new RedisSnapshotOptions { Configuration = "localhost:6379" };
        configure(options);
        var result = new RedisSnapshotOptionsValidator().Validate(null, options);
        return result.Failed ? result.Failures!.ToArray() : [];
    }

    [Fact]
    public void Validate_Defaults_WithAConfiguration_Succeeds() => Assert.Empty(Problems(_ => { }));

    [Fact]
    public void Validate_EmptyConfiguration_IsRequired()
    {
        var problem = Assert.Single(Problems(o => o.Configuration = " "));

        Assert.StartsWith("TransitDash:Redis:Configuration: required", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnreadableConfiguration_NamesTheKeyButNeverRepeatsTheValue()
    {
        var problem = Assert.Single(Problems(o => o.Configuration = "localhost:6379,password=hunter2,bogus=1"));

        Assert.StartsWith("TransitDash:Redis:Configuration: not a StackExchange.Redis configuration string", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EveryBadValue_IsReportedTogether()
    {
        var problems = Problems(o =>
        {
            o.KeyPrefix = "my prefix";
            o.LeaseDuration = TimeSpan.FromMilliseconds(500);
            o.ReplicaName = "";
            o.BindingProblems.Add("TransitDash:Redis:Lease: unknown key");
        });

        Assert.Equal(
            [
                "TransitDash:Redis:Lease: unknown key",
                "TransitDash:Redis:KeyPrefix: 'my prefix' must be a non-empty name without spaces or braces",
                "TransitDash:Redis:LeaseDuration: '500ms' is shorter than 1s",
                "TransitDash:Redis:ReplicaName: '' must be a non-empty name without spaces",
            ],
            problems);
    }
}
