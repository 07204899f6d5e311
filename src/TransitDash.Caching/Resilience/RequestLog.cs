using TransitDash.Feeds;
using TransitDash.Feeds.Http;
using TransitDash.Snapshots;

namespace TransitDash.Resilience;

/// <summary>The requests one try of a feed made through <see cref="IFeedClient"/>, as <see cref="ObservedFeedClient"/>
/// saw them: the record behind every attempt, with the status, size and latency the typed clients do not hand
/// back when they fail. It travels with the try's async flow, so the feed clients need not know of it.</summary>
internal sealed class RequestLog(TimeSpan attemptTimeout, AttemptClock clock, TimeProvider timeProvider, CancellationToken stoppingToken)
{
    private static readonly AsyncLocal<RequestLog?> CurrentLog = new();

    private readonly List<FeedAttempt> _attempts = [];
    private readonly Lock _lock = new();

    /// <summary>The log of the try running in this async flow, or null outside any try.</summary>
    public static RequestLog? Current
    {
        get => CurrentLog.Value;
        set => CurrentLog.Value = value;
    }

    /// <summary>The try's attempt timeout, which stands still while a request waits for its host's turn.</summary>
    public AttemptClock Clock => clock;

    /// <summary>The requests so far, in the order they ended.</summary>
    public IReadOnlyList<FeedAttempt> Attempts
    {
        get
        {
            lock (_lock)
            {
                return [.. _attempts];
            }
        }
    }

    public void Completed(FeedResponse response)
    {
        var outcome = response.NotModified ? AttemptOutcome.NotModified : AttemptOutcome.Ok;
        Add(new FeedAttempt(response.ReceivedAt, response.FeedName, outcome, response.StatusCode, response.Latency, response.Body.Length));
    }

    public void Failed(FeedRequest request, Exception exception, TimeSpan latency)
    {
        if (exception is OperationCanceledException)
        {
            // The host stopping is nobody's failure.
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            exception = clock.TimedOut
                ? new FeedTimeoutException(request.FeedName, attemptTimeout, exception)
                : FeedErrors.ToFeedException(request.FeedName, exception);
        }

        Add(FeedAttempt.Failed(timeProvider.GetUtcNow(), request.FeedName, latency, exception));
    }

    private void Add(FeedAttempt attempt)
    {
        lock (_lock)
        {
            _attempts.Add(attempt);
        }
    }
}
