using System.Collections.Concurrent;
using TransitDash.Polling;

namespace TransitDash.Caching.Tests.Support;

/// <summary>A source whose fetches the test scripts: each call takes the next step, or the default one.
/// Records the fake clock's time of every call and the token it was given.</summary>
internal sealed class ScriptedSource<T>(string name, TimeSpan pollInterval, TimeProvider timeProvider) : IPolledSource<T>
{
    private readonly ConcurrentQueue<Func<CancellationToken, Task<PollResult<T>>>> _steps = new();

    public string Name => name;

    public TimeSpan PollInterval => pollInterval;

    public Func<CancellationToken, Task<PollResult<T>>>? Default { get; set; }

    public ConcurrentQueue<DateTimeOffset> Calls { get; } = new();

    public ConcurrentQueue<CancellationToken> Tokens { get; } = new();

    public SemaphoreSlim Called { get; } = new(0);

    public ScriptedSource<T> Then(Func<CancellationToken, Task<PollResult<T>>> step)
    {
        _steps.Enqueue(step);
        return this;
    }

    public ScriptedSource<T> ThenData(T data) => Then(_ => Task.FromResult(PollResult.Success(data)));

    public ScriptedSource<T> ThenThrow(Exception exception) => Then(_ => Task.FromException<PollResult<T>>(exception));

    /// <summary>A fetch that waits until cancelled, as a request with no timeout does.</summary>
    public ScriptedSource<T> ThenHang() => Then(async ct =>
    {
        await Task.Delay(Timeout.Infinite, ct);
        throw new InvalidOperationException("unreachable");
    });

    public Task<PollResult<T>> FetchAsync(CancellationToken cancellationToken)
    {
        Calls.Enqueue(timeProvider.GetUtcNow());
        Tokens.Enqueue(cancellationToken);
        Called.Release();
        if (_steps.TryDequeue(out var step))
        {
            return step(cancellationToken);
        }

        return Default is { } fallback ? fallback(cancellationToken) : Task.FromException<PollResult<T>>(new InvalidOperationException("no step scripted"));
    }
}
