using Microsoft.Extensions.Logging;

namespace TransitDash.Internal;

/// <summary>Resilience (retries and circuit breakers): 2300-2399.</summary>
internal static partial class Log
{
    [LoggerMessage(2300, LogLevel.Warning, "Feed {Feed}: circuit opened after {Failures} consecutive failed polls (last: {ErrorKind}); one trial request in {BreakDuration}")]
    public static partial void CircuitOpened(ILogger logger, string feed, int failures, string errorKind, string breakDuration);

    [LoggerMessage(2301, LogLevel.Information, "Feed {Feed}: circuit half-open; this poll is one trial request")]
    public static partial void CircuitHalfOpened(ILogger logger, string feed);

    [LoggerMessage(2302, LogLevel.Information, "Feed {Feed}: circuit closed; the trial request succeeded")]
    public static partial void CircuitClosed(ILogger logger, string feed);

    [LoggerMessage(2303, LogLevel.Debug, "Feed {Feed}: attempt {Attempt} failed ({ErrorKind}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string feed, int attempt, string errorKind, double delayMs);

    [LoggerMessage(2304, LogLevel.Debug, "Feed {Feed}: attempt {Attempt} failed ({ErrorKind}); no retry: {Reason}")]
    public static partial void RetrySkipped(ILogger logger, string feed, int attempt, string errorKind, string reason);
}
