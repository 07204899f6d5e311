using Microsoft.Extensions.Logging;

namespace TransitDash.Internal;

/// <summary>Start-up: 2200-2299.</summary>
internal static partial class Log
{
    [LoggerMessage(2200, LogLevel.Information, "Clock starts at {ClockStart:O} (TransitDash:ClockStart) and advances in real time")]
    public static partial void ClockShifted(ILogger logger, DateTimeOffset clockStart);

    [LoggerMessage(2201, LogLevel.Warning, "TransitDash:ClockStart is set but a TimeProvider was registered before AddTransitDash(); that clock is used instead")]
    public static partial void ClockStartIgnored(ILogger logger);
}
