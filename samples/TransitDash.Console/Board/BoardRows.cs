using System.Globalization;
using TransitDash.Hosting.Rendering;

namespace TransitDash.ConsoleHost.Board;

/// <summary>The board's content as rows, for both the terminal and the plain-line renderings.</summary>
internal static class BoardRows
{
    /// <summary>The next trains per station and direction: stations by name, northbound before southbound.</summary>
    public static IReadOnlyList<TrainRow> Trains(SubwayResponse subway, int trainsPerRow)
    {
        ArgumentNullException.ThrowIfNull(subway);
        return subway.Data
            .GroupBy(a => (a.Station, a.Direction))
            .OrderBy(g => g.Key.Station, StringComparer.OrdinalIgnoreCase)
            .ThenBy(g => g.Key.Direction switch { "N" => 0, "S" => 1, _ => 2 })
            .Select(g => new TrainRow(g.Key.Station, g.Key.Direction, g.Take(trainsPerRow).Select(a => new NextTrain(a.Line, a.MinutesUntil)).ToArray()))
            .ToArray();
    }

    /// <summary>Each source's health, in the order of the health body.</summary>
    public static IReadOnlyList<(string Source, SourceHealthJson Health)> Health(HealthResponse health)
    {
        ArgumentNullException.ThrowIfNull(health);
        return health.Sources.Where(s => s.Value is SourceHealthJson).Select(s => (s.Key, (SourceHealthJson)s.Value!)).ToArray();
    }

    /// <summary>A moment as the board shows it: the terminal's local time.</summary>
    public static string Time(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>An epoch-seconds time as the board shows it.</summary>
    public static string Time(long? epochSeconds) => epochSeconds is { } s ? Time(DateTimeOffset.FromUnixTimeSeconds(s)) : "never";

    /// <summary>A direction in words.</summary>
    public static string Direction(string? direction) => direction switch
    {
        "N" => "N",
        "S" => "S",
        _ => "-",
    };
}
