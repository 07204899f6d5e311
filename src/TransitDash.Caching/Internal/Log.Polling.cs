using Microsoft.Extensions.Logging;

namespace TransitDash.Internal;

/// <summary>Polling: 2000-2099.</summary>
internal static partial class Log
{
    [LoggerMessage(2000, LogLevel.Information, "Scheduler started: {Schedule}")]
    public static partial void SchedulerStarted(ILogger logger, string schedule);

    [LoggerMessage(2001, LogLevel.Information, "{SourceTitle}: {Summary}")]
    public static partial void FetchSucceeded(ILogger logger, string sourceTitle, string summary);

    [LoggerMessage(2002, LogLevel.Warning, "{SourceTitle}: fetch failed ({ErrorKind}): {ErrorMessage}")]
    public static partial void FetchFailed(ILogger logger, string sourceTitle, string errorKind, string errorMessage);

    [LoggerMessage(2003, LogLevel.Warning, "{SourceTitle}: feed {Feed} failed ({ErrorKind}): {ErrorMessage}")]
    public static partial void FeedFailed(ILogger logger, string sourceTitle, string feed, string errorKind, string errorMessage);

    [LoggerMessage(2004, LogLevel.Warning, "{SourceTitle}: the fetch started {Running} ago is still running; this tick is skipped")]
    public static partial void TickSkipped(ILogger logger, string sourceTitle, string running);

    [LoggerMessage(2005, LogLevel.Error, "{SourceTitle}: the fetch failed unexpectedly ({ErrorKind})")]
    public static partial void FetchCrashed(ILogger logger, string sourceTitle, string errorKind, Exception exception);

    [LoggerMessage(2006, LogLevel.Information, "Scheduler stopped")]
    public static partial void SchedulerStopped(ILogger logger);

    [LoggerMessage(2007, LogLevel.Warning, "Scheduler stopped without waiting for fetches that ignored cancellation: {Sources}")]
    public static partial void FetchesAbandoned(ILogger logger, string sources);
}
