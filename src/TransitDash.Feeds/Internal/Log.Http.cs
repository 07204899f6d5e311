using Microsoft.Extensions.Logging;

namespace TransitDash.Feeds.Internal;

internal static partial class Log
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Debug, Message = "Feed {FeedName} answered HTTP {StatusCode} with {Bytes} bytes in {LatencyMs} ms.")]
    public static partial void FeedFetched(ILogger logger, string feedName, int statusCode, int bytes, double latencyMs);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Debug, Message = "Feed {FeedName} is not modified since the last fetch.")]
    public static partial void FeedNotModified(ILogger logger, string feedName);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Debug, Message = "Fetching feed {FeedName} failed ({ErrorKind}).")]
    public static partial void FeedFetchFailed(ILogger logger, string feedName, string errorKind, Exception exception);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Debug, Message = "Feed {FeedName} read the recording {FileName}.")]
    public static partial void RecordingRead(ILogger logger, string feedName, string fileName);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Debug, Message = "Reading the GBFS discovery of {SourceName} ({Reason}).")]
    public static partial void GbfsDiscoveryRead(ILogger logger, string sourceName, string reason);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Debug, Message = "Feed {FeedName} sent a payload that was rejected ({ErrorKind}); its validators were not kept.")]
    public static partial void PayloadRejected(ILogger logger, string feedName, string errorKind, Exception exception);
}
