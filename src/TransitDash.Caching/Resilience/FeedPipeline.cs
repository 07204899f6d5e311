using System.Globalization;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using TransitDash.Feeds;
using TransitDash.Internal;
using TransitDash.Options;
using TransitDash.Snapshots;

namespace TransitDash.Resilience;

/// <summary>The resilience of one feed: a Polly pipeline of circuit breaker, retry and per-attempt timeout around
/// each poll of it, and the record of every request a poll made.</summary>
/// <remarks>
/// <para>The breaker is outermost, so it judges polls after their retries; it opens after
/// <see cref="ResilienceOptions.BreakerFailures"/> consecutive failed polls and, once
/// <see cref="ResilienceOptions.BreakerDuration"/> has passed, lets one poll through as a trial, which is never
/// retried. Polly's breaker judges failure ratios over a window, not runs; it is made to judge runs by handling
/// (counting as a failure) only the failure that completes a run, with any handled failure enough to break.</para>
/// <para>A retry is only made when it can finish, even timing out, before the next poll tick: the delay
/// (exponential, with jitter, at least the upstream's <c>Retry-After</c>) plus the attempt timeout must fit in what
/// is left of the poll interval. Only failures a second try may cure are retried.</para>
/// </remarks>
internal sealed class FeedPipeline
{
    private static readonly ResiliencePropertyKey<Run> RunKey = new("TransitDash.FeedRun");

    // A run of failures is judged by the handled outcome alone (see remarks); Polly needs two outcomes in
    // its window before it judges at all, which the validator's minimum of two failures guarantees.
    private static readonly TimeSpan BreakerWindow = TimeSpan.FromDays(1);

    private readonly string _name;
    private readonly ResilienceOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly CircuitBreakerStateProvider _breaker = new();
    private readonly Lock _lock = new();
    private int _consecutiveFailures;
    private FeedCircuit _circuit = FeedCircuit.Closed;
    private FeedException? _lastFailure;
    private string[] _knownFeeds = [];

    public FeedPipeline(string name, ResilienceOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _name = name;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;

        var builder = new ResiliencePipelineBuilder { Name = "TransitDash.Feed", InstanceName = name, TimeProvider = timeProvider };
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = 0,
            MinimumThroughput = 2,
            SamplingDuration = BreakerWindow,
            BreakDuration = options.BreakerDuration,
            StateProvider = _breaker,
            ShouldHandle = args => new ValueTask<bool>(CompletesFailedRun(args.Context, args.Outcome)),
            OnOpened = args => Opened(args.BreakDuration),
            OnHalfOpened = _ => HalfOpened(),
            OnClosed = _ => Closed(),
        });
        if (options.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.Retries,
                BackoffType = DelayBackoffType.Constant,
                Delay = TimeSpan.Zero,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Context, args.Outcome, args.AttemptNumber)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Context.Properties.GetValue(RunKey, null!).NextDelay),
            });
        }

        _pipeline = builder.Build();
    }

    /// <summary>The feed's name: in log lines and in records made without a request.</summary>
    public string Name => _name;

    /// <summary>The circuit as the latest poll left it.</summary>
    public FeedCircuit Circuit
    {
        get
        {
            lock (_lock)
            {
                return _circuit;
            }
        }
    }

    /// <summary>One poll: tries <paramref name="fetch"/> until it succeeds, its failure is not worth another try,
    /// the retries are spent or the next tick is too close; or answers at once while the circuit is open.</summary>
    /// <param name="fetch">One try; its requests through the registered feed client are recorded.</param>
    /// <param name="describe">The records of a successful try whose requests were not recorded (a feed client
    /// registered after AddTransitDash(), as tests do).</param>
    /// <param name="pollInterval">The time until the next tick: no retry may run past it.</param>
    /// <param name="cancellationToken">Fires when the host stops; the poll then ends with <see cref="OperationCanceledException"/>.</param>
    public async Task<FeedPoll<T>> PollAsync<T>(
        Func<CancellationToken, Task<T>> fetch,
        Func<T, IReadOnlyList<FeedAttempt>> describe,
        TimeSpan pollInterval,
        CancellationToken cancellationToken)
    {
        var run = new Run(_timeProvider.GetUtcNow() + pollInterval, cancellationToken);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RunKey, run);
        Outcome<T> outcome;
        try
        {
            outcome = await _pipeline.ExecuteOutcomeAsync(
                static (context, state) => state.Pipeline.TryAsync(context, state.Run, state.Fetch, state.Describe),
                context,
                (Pipeline: this, Run: run, Fetch: fetch, Describe: describe)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var error = outcome.Exception switch
        {
            null => null,
            BrokenCircuitException => CircuitOpen(run),
            _ => run.LastFailure ?? new FeedException(_name, FeedErrorKind.Unknown, $"Feed '{_name}' failed without a reason."),
        };

        var circuit = Circuit;
        var attempts = run.Attempts.Select(a => a with { Circuit = circuit }).ToArray();
        if (outcome.Exception is not BrokenCircuitException)
        {
            Remember(attempts);
        }

        return new FeedPoll<T>(outcome.Result, error, attempts, circuit);
    }

    private async ValueTask<Outcome<T>> TryAsync<T>(
        ResilienceContext context,
        Run run,
        Func<CancellationToken, Task<T>> fetch,
        Func<T, IReadOnlyList<FeedAttempt>> describe)
    {
        // Set here, it reaches the requests this try makes and is gone again when the try returns.
        // The attempt timeout is the try's own clock, not a Polly timeout strategy, so that it can stand still
        // while the try's requests wait their turn at a host (see ObservedFeedClient).
        using var clock = new AttemptClock(_options.AttemptTimeout, _timeProvider, context.CancellationToken);
        var log = new RequestLog(_options.AttemptTimeout, clock, _timeProvider, run.StoppingToken);
        RequestLog.Current = log;
        var started = _timeProvider.GetTimestamp();
        try
        {
            var result = await fetch(clock.Token).ConfigureAwait(false);
            var requests = log.Attempts;
            run.Succeeded(requests.Count > 0 ? requests : describe(result));
            return Outcome.FromResult(result);
        }
        catch (Exception exception)
        {
            run.Failed(log.Attempts, Classify(exception, run, clock), _timeProvider.GetElapsedTime(started), _timeProvider.GetUtcNow(), _name);
            return Outcome.FromException<T>(exception);
        }
    }

    /// <summary>The feed error an exception of a try stands for; null when the host is stopping.</summary>
    private FeedException? Classify(Exception exception, Run run, AttemptClock clock) => exception switch
    {
        _ when run.StoppingToken.IsCancellationRequested => null,
        OperationCanceledException when clock.TimedOut => new FeedTimeoutException(_name, _options.AttemptTimeout, exception),

        // Any other cancellation is neither the host's nor the attempt's timeout: a handler or source of the user's
        // own gave up (cancelled), or timed out by its own clock (an inner TimeoutException).
        _ => FeedErrors.ToFeedException(_name, exception),
    };

    private bool ShouldRetry(ResilienceContext context, Outcome<object> outcome, int attemptNumber)
    {
        var run = context.Properties.GetValue(RunKey, null!);
        if (outcome.Exception is null || run.LastFailure is not { } failure || !IsTransient(failure))
        {
            return false;
        }

        var kind = failure.Kind.ToWireName();
        if (_breaker.CircuitState == CircuitState.HalfOpen)
        {
            Log.RetrySkipped(_logger, _name, attemptNumber + 1, kind, "the attempt was the circuit's one trial");
            return false;
        }

        var delay = Backoff(attemptNumber, failure);
        var left = run.Deadline - _timeProvider.GetUtcNow();
        if (delay + _options.AttemptTimeout > left)
        {
            Log.RetrySkipped(_logger, _name, attemptNumber + 1, kind, "another attempt could run past the next poll tick");
            return false;
        }

        run.NextDelay = delay;
        Log.Retrying(_logger, _name, attemptNumber + 1, kind, Math.Round(delay.TotalMilliseconds));
        return true;
    }

    /// <summary>The wait before retry <paramref name="attemptNumber"/> + 1: <see cref="ResilienceOptions.RetryDelay"/>
    /// doubled per retry up to <see cref="ResilienceOptions.RetryMaxDelay"/>, spread by ±20 % so that feeds that
    /// failed together do not retry together, and never shorter than the upstream's <c>Retry-After</c>.</summary>
    private TimeSpan Backoff(int attemptNumber, FeedException failure)
    {
        var nominal = _options.RetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attemptNumber, 30));
#pragma warning disable CA5394 // Jitter only spreads retries in time; it protects nothing.
        var jittered = nominal * (0.8 + (0.4 * Random.Shared.NextDouble()));
#pragma warning restore CA5394
        var delay = TimeSpan.FromMilliseconds(Math.Min(jittered, _options.RetryMaxDelay.TotalMilliseconds));
        return failure is FeedHttpException { RetryAfter: { } retryAfter } && retryAfter > delay ? retryAfter : delay;
    }

    /// <summary>Failures that a second try soon after may cure: the network, the upstream's own errors, a
    /// payload cut short. A wrong content type, a client error, a body over the cap or a feed whose clock is
    /// wrong will be the same a second later.</summary>
    private static bool IsTransient(FeedException failure) => failure.Kind switch
    {
        FeedErrorKind.Timeout or FeedErrorKind.Dns or FeedErrorKind.Connection or FeedErrorKind.Http5xx or FeedErrorKind.BadPayload => true,
        FeedErrorKind.Http4xx => failure is FeedHttpException { StatusCode: System.Net.HttpStatusCode.RequestTimeout or System.Net.HttpStatusCode.TooManyRequests },
        _ => false,
    };

    /// <summary>Counts a poll's outcome into the run of failures; true (break) for the failure that makes the
    /// run long enough, or for any failure of a half-open trial.</summary>
    private bool CompletesFailedRun(ResilienceContext context, Outcome<object> outcome)
    {
        var run = context.Properties.GetValue(RunKey, null!);
        lock (_lock)
        {
            if (outcome.Exception is null)
            {
                _consecutiveFailures = 0;
                return false;
            }

            if (run.LastFailure is not { } failure)
            {
                // Cancelled because the host stops: not a failure of the feed.
                return false;
            }

            _lastFailure = failure;
            return ++_consecutiveFailures >= _options.BreakerFailures;
        }
    }

    private ValueTask Opened(TimeSpan breakDuration)
    {
        int failures;
        FeedException? last;
        lock (_lock)
        {
            _circuit = new FeedCircuit(FeedCircuitState.Open, _timeProvider.GetUtcNow() + breakDuration);
            failures = _consecutiveFailures;
            last = _lastFailure;
        }

        Log.CircuitOpened(_logger, _name, failures, (last?.Kind ?? FeedErrorKind.Unknown).ToWireName(), DurationText.Format(breakDuration));
        return ValueTask.CompletedTask;
    }

    private ValueTask HalfOpened()
    {
        lock (_lock)
        {
            _circuit = _circuit with { State = FeedCircuitState.HalfOpen };
        }

        Log.CircuitHalfOpened(_logger, _name);
        return ValueTask.CompletedTask;
    }

    private ValueTask Closed()
    {
        lock (_lock)
        {
            _circuit = FeedCircuit.Closed;
        }

        Log.CircuitClosed(_logger, _name);
        return ValueTask.CompletedTask;
    }

    /// <summary>A poll the open circuit answered: one record per feed it would have asked, none of them asked.</summary>
    private FeedException CircuitOpen(Run run)
    {
        string[] feeds;
        FeedCircuit circuit;
        int failures;
        FeedException? last;
        lock (_lock)
        {
            feeds = _knownFeeds.Length > 0 ? _knownFeeds : [_name];
            circuit = _circuit;
            failures = _consecutiveFailures;
            last = _lastFailure;
        }

        var until = circuit.OpenUntil is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "the break ends";
        var cause = last is null ? string.Empty : $" (last: {last.Kind.ToWireName()}, {last.Message})";
        var error = new FeedException(
            _name,
            FeedErrorKind.CircuitOpen,
            $"Feed '{_name}' was not asked: its circuit is open after {failures} consecutive failed polls{cause}; one trial request follows from {until}.");
        var now = _timeProvider.GetUtcNow();
        run.Add(feeds.Select(feed => new FeedAttempt(now, feed, AttemptOutcome.Error, null, TimeSpan.Zero, null, FeedErrorKind.CircuitOpen, error.Message)));
        return error;
    }

    /// <summary>Keeps the names a poll's requests went to, so that an open circuit can say which feeds it held back.</summary>
    private void Remember(IReadOnlyList<FeedAttempt> attempts)
    {
        lock (_lock)
        {
            _knownFeeds = [.. _knownFeeds.Union(attempts.Select(a => a.Feed), StringComparer.Ordinal)];
        }
    }

    /// <summary>One poll's state, shared by its tries and the strategies that judge them.</summary>
    private sealed class Run(DateTimeOffset deadline, CancellationToken stoppingToken)
    {
        private readonly List<FeedAttempt> _attempts = [];

        public DateTimeOffset Deadline => deadline;

        public CancellationToken StoppingToken => stoppingToken;

        /// <summary>The failure of the latest try; null after a success or when the host is stopping.</summary>
        public FeedException? LastFailure { get; private set; }

        public TimeSpan NextDelay { get; set; }

        public IReadOnlyList<FeedAttempt> Attempts => _attempts;

        public void Add(IEnumerable<FeedAttempt> attempts) => _attempts.AddRange(attempts);

        public void Succeeded(IReadOnlyList<FeedAttempt> requests)
        {
            LastFailure = null;
            _attempts.AddRange(requests);
        }

        /// <summary>Adds a failed try's requests, with its failure written into them: onto the request it names when
        /// that request itself went well (the payload was rejected after it arrived), as a record of its own when no
        /// request shows it yet.</summary>
        public void Failed(IReadOnlyList<FeedAttempt> requests, FeedException? failure, TimeSpan elapsed, DateTimeOffset now, string pipelineName)
        {
            LastFailure = failure;
            var records = requests.ToList();
            if (failure is not null && !records.Exists(r => r.Outcome == AttemptOutcome.Error && r.ErrorKind == failure.Kind))
            {
                var feed = string.IsNullOrEmpty(failure.FeedName) ? pipelineName : failure.FeedName;
                var index = records.FindLastIndex(r => r.Feed == feed && r.Outcome != AttemptOutcome.Error);
                if (index >= 0)
                {
                    records[index] = records[index] with { Outcome = AttemptOutcome.Error, ErrorKind = failure.Kind, ErrorMessage = failure.Message };
                }
                else
                {
                    records.Add(FeedAttempt.Failed(now, feed, elapsed, failure));
                }
            }

            _attempts.AddRange(records);
        }
    }
}
