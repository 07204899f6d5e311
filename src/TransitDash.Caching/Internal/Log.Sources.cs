using Microsoft.Extensions.Logging;

namespace TransitDash.Internal;

/// <summary>Built-in sources: 2100-2199.</summary>
internal static partial class Log
{
    [LoggerMessage(2100, LogLevel.Information, "Subway: static GTFS loaded with {StopCount} stops")]
    public static partial void StaticGtfsLoaded(ILogger logger, int stopCount);

    [LoggerMessage(2101, LogLevel.Warning, "Subway: static GTFS could not be loaded ({Problem}); station names come from configuration and stop ids")]
    public static partial void StaticGtfsFailed(ILogger logger, string problem);

    [LoggerMessage(2102, LogLevel.Warning, "{SourceTitle}: {Warning}")]
    public static partial void SourceWarning(ILogger logger, string sourceTitle, string warning);
}
