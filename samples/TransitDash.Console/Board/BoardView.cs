using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using TransitDash.Hosting.Rendering;

namespace TransitDash.ConsoleHost.Board;

/// <summary>The board for a terminal: trains, bikes and health as tables that fit the terminal's width.
/// Wide terminals get trains and bikes side by side and more detail; narrow ones get them stacked, with
/// fewer trains per row and fewer columns.</summary>
internal static class BoardView
{
    /// <summary>From this width, trains and bikes sit side by side.</summary>
    public const int SideBySideWidth = 140;

    /// <summary>Below this width, tables drop their least needed columns.</summary>
    public const int NarrowWidth = 80;

    /// <summary>Below this width, a row carries two trains rather than four.</summary>
    public const int FewTrainsWidth = 64;

    public static IRenderable Render(BoardSnapshot board, int width)
    {
        ArgumentNullException.ThrowIfNull(board);
        var header = new Markup(string.Create(
            CultureInfo.InvariantCulture,
            $"[bold]TransitDash[/]  {BoardRows.Time(board.At)}  overall {Status(board.Health.Status)}"));
        var trains = Trains(board, width >= SideBySideWidth ? width / 2 : width);
        var bikes = Bikes(board, width >= SideBySideWidth ? width / 2 : width);
        IRenderable body = width >= SideBySideWidth
            ? new Grid().AddColumn().AddColumn().AddRow(trains, bikes)
            : new Rows(trains, bikes);
        var parts = new List<IRenderable> { header, body, Health(board, width) };
        if (Alerts(board) is { } alerts)
        {
            parts.Add(alerts);
        }

        return new Rows(parts);
    }

    private static IRenderable Trains(BoardSnapshot board, int width)
    {
        if (board.Subway.Data is not { } subway)
        {
            return Problem("Subway", board.Subway.Problem);
        }

        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]Subway[/] [grey](updated {BoardRows.Time(subway.LastUpdated)})[/]")
            .AddColumn("Station").AddColumn("Dir").AddColumn("Next trains");
        var perRow = width < FewTrainsWidth ? 2 : 4;
        foreach (var row in BoardRows.Trains(subway, perRow))
        {
            var trains = string.Join("  ", row.Trains.Select(t => $"[bold]{Markup.Escape(t.Line)}[/] {(t.Minutes == 0 ? "[green]now[/]" : t.Minutes.ToString(CultureInfo.InvariantCulture) + "m")}"));
            table.AddRow(Markup.Escape(row.Station), BoardRows.Direction(row.Direction), trains);
        }

        if (table.Rows.Count == 0)
        {
            table.AddRow("[grey]no trains due[/]", string.Empty, string.Empty);
        }

        return table;
    }

    private static IRenderable Bikes(BoardSnapshot board, int width)
    {
        if (board.Citibike.Data is not { } bikes)
        {
            return Problem("Citi Bike", board.Citibike.Problem);
        }

        var wide = width >= NarrowWidth;
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]Citi Bike[/] [grey](updated {BoardRows.Time(bikes.LastUpdated)})[/]")
            .AddColumn("Station")
            .AddColumn(new TableColumn("Bikes").RightAligned())
            .AddColumn(new TableColumn("E-bikes").RightAligned())
            .AddColumn(new TableColumn("Docks").RightAligned());
        if (wide)
        {
            table.AddColumn(new TableColumn("Full").RightAligned());
        }

        foreach (var s in bikes.Data)
        {
            var name = Markup.Escape(s.Name) + (s.IsRenting ? string.Empty : " [grey](not renting)[/]");
            var cells = new List<string>
            {
                name,
                s.BikesAvailable.ToString(CultureInfo.InvariantCulture),
                s.EbikesAvailable.ToString(CultureInfo.InvariantCulture),
                s.DocksAvailable.ToString(CultureInfo.InvariantCulture),
            };
            if (wide)
            {
                cells.Add(s.PercentFull.ToString(CultureInfo.InvariantCulture) + "%");
            }

            table.AddRow([.. cells]);
        }

        return table;
    }

    private static Table Health(BoardSnapshot board, int width)
    {
        var wide = width >= NarrowWidth;
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Health[/]")
            .AddColumn("Source").AddColumn("Status").AddColumn("Updated")
            .AddColumn(new TableColumn("Fetches").RightAligned()).AddColumn(new TableColumn("Errors").RightAligned());
        if (wide)
        {
            table.AddColumn("Last error");
        }

        foreach (var (source, health) in BoardRows.Health(board.Health))
        {
            var cells = new List<string>
            {
                Markup.Escape(source),
                Status(health.Status),
                Markup.Escape(health.LastUpdate),
                health.FetchCount.ToString(CultureInfo.InvariantCulture),
                health.ErrorCount.ToString(CultureInfo.InvariantCulture),
            };
            if (wide)
            {
                cells.Add(health.LastError is { } e ? "[red]" + Markup.Escape(e.ReplaceLineEndings(" ")) + "[/]" : string.Empty);
            }

            table.AddRow([.. cells]);
        }

        return table;
    }

    private static Markup? Alerts(BoardSnapshot board)
    {
        if (board.Alerts.Data is { } alerts)
        {
            var lines = alerts.Data.Select(a => "  [yellow]![/] " + Markup.Escape((a.Header ?? a.Description ?? a.Effect).ReplaceLineEndings(" ")));
            return new Markup(string.Join('\n', lines.Prepend(string.Create(CultureInfo.InvariantCulture, $"[bold]Alerts[/] {alerts.Data.Count} active"))));
        }

        return board.Alerts.NoData is not null ? new Markup("[bold]Alerts[/] [yellow]" + Markup.Escape(board.Alerts.Problem!) + "[/]") : null;
    }

    private static Panel Problem(string title, string? problem) =>
        new Panel(new Markup("[yellow]" + Markup.Escape(problem ?? "no data") + "[/]")).Header(title).Border(BoxBorder.Rounded);

    private static string Status(string status) => status switch
    {
        "healthy" => "[green]healthy[/]",
        "stale" or "degraded" => $"[yellow]{status}[/]",
        _ => $"[red]{Markup.Escape(status)}[/]",
    };
}
