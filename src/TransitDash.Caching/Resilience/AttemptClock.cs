using TransitDash.Options;

namespace TransitDash.Resilience;

/// <summary>The attempt timeout of one try of a feed. It stands still while the try's requests wait their turn at
/// a host's rate limiter: <see cref="ResilienceOptions.AttemptTimeout"/> is what the upstream may take to answer,
/// and a queue of polite requests to one host is not the upstream being slow.</summary>
internal sealed class AttemptClock : IDisposable
{
    private readonly CancellationTokenSource _expired;
    private readonly TimeProvider _timeProvider;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private TimeSpan _left;
    private long _runningSince;
    private int _waiting;
    private bool _timedOut;

    public AttemptClock(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        _expired = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _timeProvider = timeProvider;
        _left = timeout;
        _runningSince = timeProvider.GetTimestamp();
        _timer = timeProvider.CreateTimer(static state => ((AttemptClock)state!).Expire(), this, timeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Cancelled when the time is up, or when the token the clock was made with is.</summary>
    public CancellationToken Token => _expired.Token;

    /// <summary>True once the time ran out (not when the token the clock was made with fired).</summary>
    public bool TimedOut => Volatile.Read(ref _timedOut);

    /// <summary>Stops the clock while a request waits its turn (waits may overlap: it runs again after the last).</summary>
    public void Pause()
    {
        lock (_lock)
        {
            if (_waiting++ == 0)
            {
                _left -= _timeProvider.GetElapsedTime(_runningSince);
                _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Resume()
    {
        lock (_lock)
        {
            if (--_waiting == 0)
            {
                _runningSince = _timeProvider.GetTimestamp();
                _timer.Change(_left > TimeSpan.Zero ? _left : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void Expire()
    {
        lock (_lock)
        {
            // A timer already on its way when a wait began: the wait's Resume sets it again.
            if (_waiting > 0)
            {
                return;
            }
        }

        Volatile.Write(ref _timedOut, true);
        try
        {
            _expired.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The try ended as the time ran out.
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _expired.Dispose();
    }
}
