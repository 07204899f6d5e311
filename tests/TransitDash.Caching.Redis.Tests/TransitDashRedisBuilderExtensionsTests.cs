using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TransitDash.Replication;

namespace TransitDash.Caching.Redis.Tests;

/// <summary>What <c>AddRedisSnapshotsWhenConfigured</c> registers for each shape of a host's Redis section. None of
/// these hosts reaches a Redis: those without one never try, the others are only built.</summary>
public sealed class TransitDashRedisBuilderExtensionsTests
{
    private static IHost Build(Dictionary<string, string?> redis)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (key, value) in redis)
        {
            values[$"TransitDash:Redis:{key}"] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddTransitDash(configuration.GetSection("TransitDash")).AddRedisSnapshotsWhenConfigured(configuration.GetSection("TransitDash"));
        return builder.Build();
    }

    [Fact]
    public void WhenConfigured_NoSection_AddsNothing()
    {
        using var host = Build([]);

        Assert.Null(host.Services.GetService<ISnapshotReplicator>());
    }

    [Fact]
    public async Task WhenConfigured_EmptyConfigurationAndGoodKeys_StaysInProcessAndStarts()
    {
        using var host = Build(new() { ["Configuration"] = "", ["KeyPrefix"] = "board" });

        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Null(host.Services.GetService<ISnapshotReplicator>());
    }

    [Fact]
    public async Task WhenConfigured_EmptyConfigurationAndBadKeys_StopsTheStartNamingEachKey()
    {
        using var host = Build(new() { ["Configuration"] = "", ["LeaseDuration"] = "soon", ["KeyPrefx"] = "board" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(error.Failures, f => f.StartsWith("TransitDash:Redis:LeaseDuration:", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("TransitDash:Redis:KeyPrefx:", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Failures, f => f.StartsWith("TransitDash:Redis:Configuration:", StringComparison.Ordinal));
        Assert.Null(host.Services.GetService<ISnapshotReplicator>());
    }

    [Fact]
    public void WhenConfigured_ConfigurationSet_SharesThroughRedis()
    {
        using var host = Build(new() { ["Configuration"] = "127.0.0.1:1" });

        Assert.NotNull(host.Services.GetService<ISnapshotReplicator>());
    }
}
