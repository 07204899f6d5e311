using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TransitDash.Feeds;
using TransitDash.Feeds.Http;
using TransitDash.Resilience;
using TransitDash.Snapshots;
using TransitDash.Simulator.Upstream;

namespace TransitDash.Caching.Tests.Resilience;

/// <summary>What AddTransitDash() puts around the feed clients' HTTP: the host rate limit and the client timeout.</summary>
public sealed class ResilienceRegistrationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ServiceProvider Services(params (string Key, string Value)[] resilience)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (key, value) in resilience)
        {
            values[$"TransitDash:Resilience:{key}"] = value;
        }

        var services = new ServiceCollection();
        services.AddTransitDash(new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("TransitDash"));
        return services.BuildServiceProvider();
    }

    /// <summary>A loopback host answering <c>/feed</c>.</summary>
    private static async Task<LoopbackUpstream> ServingAsync()
    {
        var upstream = await LoopbackUpstream.StartAsync(Cancel);
        upstream.Map("/feed", UpstreamBehavior.Serve(new byte[10], "application/octet-stream"));
        return upstream;
    }

    [Theory]
    [InlineData("7s", 100)]
    [InlineData("120s", 121)]
    public void AddTransitDash_HttpClientTimeout_IsOnlyABackstopThatNeverPreemptsTheAttemptTimeout(string attemptTimeout, int expectedSeconds)
    {
        using var provider = Services(("AttemptTimeout", attemptTimeout));

        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(FeedsServiceCollectionExtensions.FeedHttpClientName);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), client.Timeout);
    }

    [Fact]
    public async Task AddTransitDash_ManyRequestsToOneHost_WaitTheirTurnAtMaxRequestsPerSecond()
    {
        await using var upstream = await ServingAsync();
        await using var warmUp = await ServingAsync();
        await using var provider = Services(("MaxRequestsPerSecond", "10"));
        var client = provider.GetRequiredService<IFeedClient>();

        // A first request elsewhere (another host, another limiter) pays for starting up, so that unlimited
        // requests below would arrive within milliseconds of each other.
        await client.GetAsync(new FeedRequest("warm-up", warmUp.Url("/feed")), Cancel);

        // Eight feeds on one host asking at once: none fails, they arrive one per 100 ms.
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.GetAsync(new FeedRequest($"feed-{i}", upstream.Url("/feed")), Cancel)));

        Assert.All(responses, r => Assert.Equal(200, r.StatusCode));
        var arrivals = upstream.Requests.Select(r => r.ReceivedAt).Order().ToArray();
        Assert.True(arrivals[^1] - arrivals[0] >= TimeSpan.FromMilliseconds(650), $"8 requests at 10/s took {arrivals[^1] - arrivals[0]}; they need at least 700 ms");
    }

    [Fact]
    public async Task AddTransitDash_TwoHosts_AreLimitedApart()
    {
        await using var first = await ServingAsync();
        await using var second = await ServingAsync();
        await using var provider = Services(("MaxRequestsPerSecond", "0.2"));
        var client = provider.GetRequiredService<IFeedClient>();

        // At one request per 5 s, a limiter shared by both hosts would hold the second request back 5 s.
        await Task.WhenAll(
            client.GetAsync(new FeedRequest("a", first.Url("/feed")), Cancel),
            client.GetAsync(new FeedRequest("b", second.Url("/feed")), Cancel)).WaitAsync(TimeSpan.FromSeconds(4), Cancel);

        Assert.Single(first.Requests);
        Assert.Single(second.Requests);
    }

    [Fact]
    public async Task FeedPoll_RequestsQueuedAtTheirHost_WaitBeforeTheAttemptTimeoutStarts()
    {
        await using var upstream = await ServingAsync();
        await using var provider = Services(("MaxRequestsPerSecond", "2"), ("AttemptTimeout", "400ms"), ("Retries", "0"));
        var client = provider.GetRequiredService<IFeedClient>();
        var pipeline = provider.GetRequiredService<FeedPipelines>().For("bikes", "bikes");

        // One try asking one host four times at 2/s: the last request waits about 1.5 s for its turn, far past the
        // 400 ms attempt timeout, which times the upstream's answers, not the queue.
        var poll = await pipeline.PollAsync(
            ct => Task.WhenAll(Enumerable.Range(0, 4).Select(i => client.GetAsync(new FeedRequest($"doc-{i}", upstream.Url("/feed")), ct))),
            _ => [],
            TimeSpan.FromSeconds(30),
            Cancel);

        Assert.True(poll.Succeeded, poll.Error?.Message);
        Assert.Equal(4, poll.Attempts.Count(a => a.Outcome == AttemptOutcome.Ok));
        var arrivals = upstream.Requests.Select(r => r.ReceivedAt).Order().ToArray();
        Assert.True(arrivals[^1] - arrivals[0] >= TimeSpan.FromMilliseconds(1200), $"4 requests at 2/s took {arrivals[^1] - arrivals[0]}");
    }

    [Fact]
    public async Task FeedPoll_UpstreamSlowerThanTheAttemptTimeout_StillTimesOutAfterItsTurn()
    {
        await using var upstream = await LoopbackUpstream.StartAsync(Cancel);
        upstream.Map("/feed", UpstreamBehavior.Hang());
        await using var provider = Services(("MaxRequestsPerSecond", "2"), ("AttemptTimeout", "300ms"), ("Retries", "0"));
        var client = provider.GetRequiredService<IFeedClient>();
        var pipeline = provider.GetRequiredService<FeedPipelines>().For("bikes", "bikes");

        var poll = await pipeline.PollAsync(
            ct => Task.WhenAll(Enumerable.Range(0, 3).Select(i => client.GetAsync(new FeedRequest($"doc-{i}", upstream.Url("/feed")), ct))),
            _ => [],
            TimeSpan.FromSeconds(30),
            Cancel).WaitAsync(TimeSpan.FromSeconds(10), Cancel);

        Assert.False(poll.Succeeded);
        Assert.Equal(FeedErrorKind.Timeout, poll.Error!.Kind);
    }
}
