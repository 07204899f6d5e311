using System.Globalization;
using TransitDash.Hosting.Rendering;

namespace TransitDash.ConsoleHost.Board;

/// <summary>The board as plain lines, for output that is not a terminal (a file, a pipe, <c>TERM=dumb</c>):
/// no colors, no cursor movement, one fact per line.</summary>
internal static class PlainBoard
{
    private const int TrainsPerRow = 4;

    public static void Write(BoardSnapshot board, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(output);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"TransitDash board at {BoardRows.Time(board.At)} (overall {board.Health.Status})"));

        if (board.Subway.Data is { } subway)
        {
            output.WriteLine(string.Create(c, $"Subway (updated {BoardRows.Time(subway.LastUpdated)}):"));
            var rows = BoardRows.Trains(subway, TrainsPerRow);
            foreach (var row in rows)
            {
                var trains = string.Join(", ", row.Trains.Select(t => t.Minutes == 0 ? $"{t.Line} now" : string.Create(c, $"{t.Line} in {t.Minutes} min")));
                output.WriteLine(string.Create(c, $"  {row.Station} {BoardRows.Direction(row.Direction)}: {trains}"));
            }

            if (rows.Count == 0)
            {
                output.WriteLine("  no trains due");
            }
        }
        else
        {
            output.WriteLine(string.Create(c, $"Subway: {board.Subway.Problem}"));
        }

        if (board.Citibike.Data is { } bikes)
        {
            output.WriteLine(string.Create(c, $"Citi Bike (updated {BoardRows.Time(bikes.LastUpdated)}):"));
            foreach (var s in bikes.Data)
            {
                var renting = s.IsRenting ? string.Empty : ", not renting";
                output.WriteLine(string.Create(c, $"  {s.Name}: {s.BikesAvailable} bikes, {s.EbikesAvailable} e-bikes, {s.DocksAvailable} docks, {s.PercentFull}% full{renting}"));
            }
        }
        else
        {
            output.WriteLine(string.Create(c, $"Citi Bike: {board.Citibike.Problem}"));
        }

        if (board.Alerts.Data is { } alerts)
        {
            output.WriteLine(string.Create(c, $"Alerts: {alerts.Data.Count} active"));
            foreach (var alert in alerts.Data)
            {
                output.WriteLine(string.Create(c, $"  - {OneLine(alert.Header ?? alert.Description ?? alert.Effect)}"));
            }
        }
        else if (board.Alerts.NoData is not null)
        {
            output.WriteLine(string.Create(c, $"Alerts: {board.Alerts.Problem}"));
        }

        output.WriteLine("Health:");
        foreach (var (source, health) in BoardRows.Health(board.Health))
        {
            var error = health.LastError is { } e ? $", last error: {OneLine(e)}" : string.Empty;
            output.WriteLine(string.Create(c, $"  {source}: {health.Status}, updated {health.LastUpdate}, {health.FetchCount} fetches, {health.ErrorCount} errors{error}"));
        }

        output.Flush();
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
