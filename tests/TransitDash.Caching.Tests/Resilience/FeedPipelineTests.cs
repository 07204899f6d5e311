using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using TransitDash.Caching.Tests.Support;
using TransitDash.Feeds;
using TransitDash.Feeds.Http;
using TransitDash.Options;
using TransitDash.Resilience;
using TransitDash.Snapshots;

namespace TransitDash.Caching.Tests.Resilience;

public sealed class FeedPipelineTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 10, 2, 14, 20, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new(Start);

    // Generous: these tests are about the pipeline, not the host limit.
    private readonly HostRateLimiters _limiters = new(1000);

    public void Dispose() => _limiters.Dispose();
    private readonly FakeLogger _logger = new();

    private FeedPipeline Pipeline(Action<ResilienceOptions>? configure = null)
    {
        var options = new ResilienceOptions
        {
            AttemptTimeout = TimeSpan.FromSeconds(10),
            Retries = 2,
            RetryDelay = TimeSpan.FromSeconds(1),
            RetryMaxDelay = TimeSpan.FromSeconds(10),
            BreakerFailures = 3,
            BreakerDuration = TimeSpan.FromSeconds(60),
        };
        configure?.Invoke(options);
        return new FeedPipeline("ACE", options, _time, _logger);
    }

    private Task<FeedPoll<string>> Poll(FeedPipeline pipeline, Script script, TimeSpan? interval = null) =>
        PollUntil(pipeline, script, TestContext.Current.CancellationToken, interval);

    private Task<FeedPoll<string>> PollUntil(FeedPipeline pipeline, Script script, CancellationToken stoppingToken, TimeSpan? interval = null) =>
        pipeline.PollAsync(script.FetchAsync, body => [Ok(body)], interval ?? Interval, stoppingToken);

    private FeedAttempt Ok(string body) => new(_time.GetUtcNow(), "ACE", AttemptOutcome.Ok, 200, TimeSpan.FromMilliseconds(5), body.Length);

    /// <summary>Moves the fake clock in small steps until <paramref name="condition"/> holds; returns how far it moved.</summary>
    private async Task<TimeSpan> AdvanceUntil(Func<bool> condition)
    {
        var step = TimeSpan.FromMilliseconds(50);
        var moved = TimeSpan.Zero;
        while (!condition())
        {
            Assert.True(moved < TimeSpan.FromMinutes(10), "the expected state was not reached on the fake clock");
            _time.Advance(step);
            moved += step;
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }

        return moved;
    }

    private static FeedHttpException Status(HttpStatusCode status, TimeSpan? retryAfter = null) => new("ACE", status, retryAfter);

    [Fact]
    public async Task PollAsync_TransientFailureThenSuccess_RetriesAfterAJitteredBackoffAndRecordsEachAttempt()
    {
        var script = new Script(Script.Throw(Status(HttpStatusCode.InternalServerError)), Script.Answer("feed"));

        var polling = Poll(Pipeline(), script);
        var waited = await AdvanceUntil(() => script.Calls == 2);
        var poll = await polling;

        Assert.True(poll.Succeeded);
        Assert.Equal("feed", poll.Result);
        Assert.InRange(waited, TimeSpan.FromSeconds(0.8) - TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1.2) + TimeSpan.FromMilliseconds(50));
        Assert.Equal([AttemptOutcome.Error, AttemptOutcome.Ok], poll.Attempts.Select(a => a.Outcome));
        Assert.Equal(500, poll.Attempts[0].StatusCode);
        Assert.Equal(FeedErrorKind.Http5xx, poll.Attempts[0].ErrorKind);
        Assert.All(poll.Attempts, a => Assert.Equal(FeedCircuit.Closed, a.Circuit));
    }

    [Fact]
    public async Task PollAsync_RetriesSpent_FailsWithTheLastFailureAfterDoublingDelays()
    {
        var script = new Script(Script.Throw(new FeedConnectionException("ACE", FeedErrorKind.Connection, "Feed 'ACE' could not be fetched: connection refused.")));

        var polling = Poll(Pipeline(), script);
        var first = await AdvanceUntil(() => script.Calls == 2);
        var second = await AdvanceUntil(() => script.Calls == 3);
        var poll = await polling;

        Assert.Equal(FeedErrorKind.Connection, poll.Error!.Kind);
        Assert.Equal(3, poll.Attempts.Count);
        Assert.True(second > first * 1.3, $"the second delay ({second}) should be about twice the first ({first})");
        Assert.InRange(second, TimeSpan.FromSeconds(1.6) - TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(2.4) + TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task PollAsync_RetryCouldRunPastTheNextTick_IsNotMade()
    {
        // 10 s of a hanging attempt leave 2 s of a 12 s interval: a retry (1 s wait, up to 10 s) would not fit.
        var script = new Script(Script.Hang, Script.Answer("feed"));

        var polling = Poll(Pipeline(), script, TimeSpan.FromSeconds(12));
        await AdvanceUntil(() => polling.IsCompleted);
        var poll = await polling;

        Assert.Equal(1, script.Calls);
        Assert.Equal(FeedErrorKind.Timeout, poll.Error!.Kind);
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Message == "Feed ACE: attempt 1 failed (timeout); no retry: another attempt could run past the next poll tick");
    }

    [Theory]
    [InlineData(FeedErrorKind.BadContentType)]
    [InlineData(FeedErrorKind.TooLarge)]
    [InlineData(FeedErrorKind.TimeBackwards)]
    [InlineData(FeedErrorKind.FrozenFeed)]
    public async Task PollAsync_FailureASecondTryCannotCure_IsNotRetried(FeedErrorKind kind)
    {
        var script = new Script(Script.Throw(new FeedException("ACE", kind, "no")), Script.Answer("feed"));

        var poll = await Poll(Pipeline(), script);

        Assert.Equal(1, script.Calls);
        Assert.Equal(kind, poll.Error!.Kind);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, 1)]
    [InlineData(HttpStatusCode.TooManyRequests, 2)]
    public async Task PollAsync_ClientError_IsRetriedOnlyWhenItMeansLater(HttpStatusCode status, int calls)
    {
        var script = new Script(Script.Throw(Status(status)), Script.Answer("feed"));

        var polling = Poll(Pipeline(), script);
        await AdvanceUntil(() => polling.IsCompleted);

        Assert.Equal(calls, script.Calls);
    }

    [Fact]
    public async Task PollAsync_RetryAfterLongerThanTheBackoff_WaitsForIt()
    {
        var script = new Script(Script.Throw(Status(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(5))), Script.Answer("feed"));

        var polling = Poll(Pipeline(), script);
        var waited = await AdvanceUntil(() => script.Calls == 2);

        Assert.True((await polling).Succeeded);
        Assert.InRange(waited, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5.1));
    }

    [Fact]
    public async Task PollAsync_AttemptHangs_IsATimeoutOfTheAttemptTimeout()
    {
        var script = new Script(Script.Hang);

        var polling = Poll(Pipeline(o => o.Retries = 0), script);
        var waited = await AdvanceUntil(() => polling.IsCompleted);
        var poll = await polling;

        Assert.InRange(waited, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10.05));
        Assert.Equal(FeedErrorKind.Timeout, poll.Error!.Kind);
        Assert.Equal("Feed 'ACE' did not answer within 10 s.", poll.Error.Message);
        var attempt = Assert.Single(poll.Attempts);
        Assert.Equal(FeedErrorKind.Timeout, attempt.ErrorKind);
        Assert.Equal(TimeSpan.FromSeconds(10), attempt.Latency);
        Assert.True(script.LastToken.IsCancellationRequested);
    }

    [Fact]
    public async Task PollAsync_FailedPollsInARow_OpenTheCircuitWhichThenAnswersWithoutAsking()
    {
        var pipeline = Pipeline(o => o.Retries = 0);
        var script = new Script(Script.Throw(Status(HttpStatusCode.InternalServerError)));

        var polls = new List<FeedPoll<string>>();
        for (var i = 0; i < 4; i++)
        {
            polls.Add(await Poll(pipeline, script));
            _time.Advance(Interval);
        }

        Assert.Equal(3, script.Calls);
        Assert.Equal([FeedCircuitState.Closed, FeedCircuitState.Closed, FeedCircuitState.Open, FeedCircuitState.Open], polls.Select(p => p.Circuit.State));
        Assert.Equal(Start.AddSeconds(60) + (2 * Interval), polls[2].Circuit.OpenUntil);
        var rejected = Assert.Single(polls[3].Attempts);
        Assert.Equal(FeedErrorKind.CircuitOpen, rejected.ErrorKind);
        Assert.Null(rejected.StatusCode);
        Assert.Equal(FeedErrorKind.CircuitOpen, polls[3].Error!.Kind);
        Assert.Equal(
            "Feed 'ACE' was not asked: its circuit is open after 3 consecutive failed polls (last: http_5xx, Feed 'ACE' answered HTTP 500 (InternalServerError).); one trial request follows from 2025-10-02T14:22:00Z.",
            polls[3].Error!.Message);
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message == "Feed ACE: circuit opened after 3 consecutive failed polls (last: http_5xx); one trial request in 60s");
    }

    [Fact]
    public async Task PollAsync_SuccessInsideARun_StartsTheCountAgain()
    {
        var pipeline = Pipeline(o => o.Retries = 0);
        var fail = Script.Throw(Status(HttpStatusCode.BadGateway));
        var script = new Script(fail, fail, Script.Answer("feed"), fail, fail, fail);

        var states = new List<FeedCircuitState>();
        for (var i = 0; i < 6; i++)
        {
            states.Add((await Poll(pipeline, script)).Circuit.State);
        }

        Assert.Equal([FeedCircuitState.Closed, FeedCircuitState.Closed, FeedCircuitState.Closed, FeedCircuitState.Closed, FeedCircuitState.Closed, FeedCircuitState.Open], states);
    }

    [Fact]
    public async Task PollAsync_BreakOver_IsHalfOpenAndTriesOnceWithoutRetriesThenClosesOnSuccess()
    {
        var pipeline = Pipeline(o => o.BreakerFailures = 2);
        var notFound = Script.Throw(Status(HttpStatusCode.NotFound));
        var script = new Script(notFound, notFound, Script.Throw(Status(HttpStatusCode.InternalServerError)), Script.Answer("feed"));
        await Poll(pipeline, script);
        var opened = await Poll(pipeline, script);

        _time.Advance(TimeSpan.FromSeconds(60));
        var halfOpen = pipeline.Circuit.StateAt(_time.GetUtcNow());
        var failedTrial = await Poll(pipeline, script);
        _time.Advance(TimeSpan.FromSeconds(60));
        var goodTrial = await Poll(pipeline, script);

        Assert.Equal(FeedCircuitState.Open, opened.Circuit.State);
        Assert.Equal(FeedCircuitState.HalfOpen, halfOpen);
        Assert.Equal(4, script.Calls);
        Assert.Single(failedTrial.Attempts);
        Assert.Equal(FeedCircuitState.Open, failedTrial.Circuit.State);
        Assert.Equal(FeedCircuitState.Closed, goodTrial.Circuit.State);
        Assert.True(goodTrial.Succeeded);
        var messages = _logger.Collector.GetSnapshot().Select(r => r.Message).ToArray();
        Assert.Contains("Feed ACE: attempt 1 failed (http_5xx); no retry: the attempt was the circuit's one trial", messages);
        Assert.Contains("Feed ACE: circuit closed; the trial request succeeded", messages);
    }

    [Fact]
    public async Task PollAsync_HostStops_EndsWithCancellationAndCountsNoFailedPoll()
    {
        var pipeline = Pipeline(o => (o.Retries, o.BreakerFailures) = (0, 2));
        var script = new Script(Script.Hang, Script.Throw(Status(HttpStatusCode.InternalServerError)));
        using var stopping = new CancellationTokenSource();

        var polling = PollUntil(pipeline, script, stopping.Token);
        await Waits.Until(() => script.Calls == 1);
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => polling);
        var afterStop = await Poll(pipeline, script);

        Assert.Equal(FeedCircuitState.Closed, afterStop.Circuit.State);
    }

    [Fact]
    public async Task PollAsync_PayloadRejectedAfterItArrived_IsRecordedWithWhatArrived()
    {
        var inner = new FakeFeedClient { Handler = request => FakeGtfsRealtimeClient.Response(request.FeedName, 200, notModified: false, Start) };
        var client = new ObservedFeedClient(inner, _limiters, _time);
        var script = new Script(async ct =>
        {
            await client.GetAsync(new FeedRequest("ACE", "http://127.0.0.1:1/ace"), ct);
            throw new FeedPayloadException("ACE", FeedErrorKind.BadContentType, "the content type is text/html", null);
        });

        var poll = await Poll(Pipeline(), script);

        var attempt = Assert.Single(poll.Attempts);
        Assert.Equal((200, 100L, FeedErrorKind.BadContentType), (attempt.StatusCode!.Value, attempt.Bytes!.Value, attempt.ErrorKind!.Value));
        Assert.Equal(AttemptOutcome.Error, attempt.Outcome);
        Assert.Equal("Feed 'ACE' sent a bad payload: the content type is text/html", attempt.ErrorMessage);
    }

    [Fact]
    public async Task PollAsync_TwoRequestsOneTimesOut_RecordsTheTimeoutOnTheRequestThatHung()
    {
        var inner = new FakeFeedClient { Handler = request => FakeGtfsRealtimeClient.Response(request.FeedName, 200, notModified: false, Start) };
        var hanging = new HangingFeedClient(inner, "citibike/station_status");
        var client = new ObservedFeedClient(hanging, _limiters, _time);
        var script = new Script(async ct =>
        {
            await Task.WhenAll(
                client.GetAsync(new FeedRequest("citibike/station_information", "http://127.0.0.1:1/i"), ct),
                client.GetAsync(new FeedRequest("citibike/station_status", "http://127.0.0.1:1/s"), ct));
            return "unreachable";
        });

        var polling = Poll(Pipeline(o => o.Retries = 0), script);
        await AdvanceUntil(() => polling.IsCompleted);
        var poll = await polling;

        Assert.Equal(["citibike/station_information", "citibike/station_status"], poll.Attempts.Select(a => a.Feed));
        Assert.Equal([AttemptOutcome.Ok, AttemptOutcome.Error], poll.Attempts.Select(a => a.Outcome));
        Assert.Equal("Feed 'citibike/station_status' did not answer within 10 s.", poll.Attempts[1].ErrorMessage);
    }

    [Fact]
    public async Task PollAsync_TryCancelledByItsOwnCode_IsCancelledNotATimeoutAndIsNotRetried()
    {
        // A source or handler of the user's own that gives up (its own token source) while the host runs.
        var script = new Script(Script.Throw(new OperationCanceledException("gave up")));

        var poll = await Poll(Pipeline(), script);

        Assert.Equal(1, script.Calls);
        Assert.Equal(FeedErrorKind.Cancelled, poll.Error!.Kind);
        Assert.Equal("Feed 'ACE' was cancelled before it answered, not by its attempt timeout or the host stopping.", poll.Error.Message);
        var attempt = Assert.Single(poll.Attempts);
        Assert.Equal((AttemptOutcome.Error, FeedErrorKind.Cancelled), (attempt.Outcome, attempt.ErrorKind!.Value));
        Assert.Equal("cancelled", attempt.ErrorKind.Value.ToWireName());
    }

    [Fact]
    public async Task PollAsync_TryTimedOutByItsOwnClock_IsATimeout()
    {
        // What HttpClient throws when a timeout of its own passes before the attempt's.
        var script = new Script(Script.Throw(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.", new TimeoutException())));

        var poll = await Poll(Pipeline(o => o.Retries = 0), script);

        Assert.Equal(FeedErrorKind.Timeout, poll.Error!.Kind);
        Assert.Equal(FeedErrorKind.Timeout, Assert.Single(poll.Attempts).ErrorKind);
    }

    [Fact]
    public async Task PollAsync_RequestCancelledByAHandlerWhileTheClockRuns_IsRecordedAsCancelled()
    {
        var inner = new FakeFeedClient { Handler = request => FakeGtfsRealtimeClient.Response(request.FeedName, 200, notModified: false, Start) };
        var client = new ObservedFeedClient(new CancellingFeedClient(inner, "citibike/station_status"), _limiters, _time);
        var script = new Script(async ct =>
        {
            await Task.WhenAll(
                client.GetAsync(new FeedRequest("citibike/station_information", "http://127.0.0.1:1/i"), ct),
                client.GetAsync(new FeedRequest("citibike/station_status", "http://127.0.0.1:1/s"), ct));
            return "unreachable";
        });

        var poll = await Poll(Pipeline(o => o.Retries = 0), script);

        Assert.Equal(FeedErrorKind.Cancelled, poll.Error!.Kind);
        Assert.Equal([AttemptOutcome.Ok, AttemptOutcome.Error], poll.Attempts.Select(a => a.Outcome));
        Assert.Equal(FeedErrorKind.Cancelled, poll.Attempts[1].ErrorKind);
        Assert.Equal("Feed 'citibike/station_status' was cancelled before it answered, not by its attempt timeout or the host stopping.", poll.Attempts[1].ErrorMessage);
    }

    /// <summary>A fetch whose tries do what the test lists, one per call; the last keeps answering.</summary>
    private sealed class Script(params Func<CancellationToken, Task<string>>[] steps)
    {
        private int _calls;

        public static Func<CancellationToken, Task<string>> Hang { get; } = async ct =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return "unreachable";
        };

        public int Calls => Volatile.Read(ref _calls);

        public CancellationToken LastToken { get; private set; }

        public static Func<CancellationToken, Task<string>> Answer(string body) => _ => Task.FromResult(body);

        public static Func<CancellationToken, Task<string>> Throw(Exception exception) => _ => Task.FromException<string>(exception);

        public Task<string> FetchAsync(CancellationToken cancellationToken)
        {
            LastToken = cancellationToken;
            var call = Interlocked.Increment(ref _calls);
            return steps[Math.Min(call, steps.Length) - 1](cancellationToken);
        }
    }

    /// <summary>A byte client that never answers one feed.</summary>
    private sealed class HangingFeedClient(IFeedClient inner, string feed) : IFeedClient
    {
        public async Task<FeedResponse> GetAsync(FeedRequest request, CancellationToken cancellationToken = default)
        {
            if (request.FeedName == feed)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return await inner.GetAsync(request, cancellationToken);
        }
    }

    /// <summary>A byte client whose handling of one feed gives up with its own cancellation.</summary>
    private sealed class CancellingFeedClient(IFeedClient inner, string feed) : IFeedClient
    {
        public async Task<FeedResponse> GetAsync(FeedRequest request, CancellationToken cancellationToken = default)
        {
            if (request.FeedName == feed)
            {
                using var own = new CancellationTokenSource();
                await own.CancelAsync();
                own.Token.ThrowIfCancellationRequested();
            }

            return await inner.GetAsync(request, cancellationToken);
        }
    }
}
