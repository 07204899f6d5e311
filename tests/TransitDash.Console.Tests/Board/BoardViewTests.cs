using Spectre.Console.Testing;
using TransitDash.ConsoleHost.Board;
using TransitDash.Hosting.Rendering;

namespace TransitDash.ConsoleHost.Tests.Board;

public sealed class BoardViewTests
{
    private static readonly DateTimeOffset Now = new(2019, 9, 15, 0, 1, 20, TimeSpan.Zero);

    [Fact]
    public void Render_NarrowTerminal_StacksTrainsAboveBikesWithinTheWidth()
    {
        var lines = Render(width: 60);

        Assert.All(lines, l => Assert.True(l.Length <= 60, $"'{l}' is wider than 60"));
        Assert.DoesNotContain(lines, l => l.Contains("Wall St", StringComparison.Ordinal) && l.Contains("Broadway & Morris St", StringComparison.Ordinal));
        Assert.True(Index(lines, "Wall St") < Index(lines, "Broadway & Morris St"));

        // Fewer trains per row and no percent column where there is no room for them.
        var wallSt = lines[Index(lines, "Wall St")];
        Assert.Contains("3m", wallSt, StringComparison.Ordinal);
        Assert.Contains("7m", wallSt, StringComparison.Ordinal);
        Assert.DoesNotContain("12m", wallSt, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("73%", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_WideTerminal_PutsTrainsAndBikesSideBySide()
    {
        var lines = Render(width: 160);

        Assert.All(lines, l => Assert.True(l.Length <= 160, $"'{l}' is wider than 160"));
        Assert.Contains(lines, l => l.Contains("Wall St", StringComparison.Ordinal) && l.Contains("Broadway & Morris St", StringComparison.Ordinal));
        Assert.Contains("12m", lines[Index(lines, "Wall St")], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("73%", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("citibike", StringComparison.Ordinal) && l.Contains("timed out", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_SourceWithoutData_ShowsWhyInItsPlace()
    {
        var board = Board() with { Subway = SourceBody<SubwayResponse>.Missing(ProblemView.NoData("subway", "Feed 'ACE' timed out")) };

        var lines = Render(board, width: 100);

        Assert.Contains(lines, l => l.Contains("No subway data yet: Feed 'ACE' timed out", StringComparison.Ordinal));
    }

    private static string[] Render(int width) => Render(Board(), width);

    private static string[] Render(BoardSnapshot board, int width)
    {
        var console = new TestConsole().Width(width);
        console.Write(BoardView.Render(board, width));
        return console.Output.Split('\n').Select(l => l.TrimEnd()).ToArray();
    }

    private static int Index(string[] lines, string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));

    private static BoardSnapshot Board()
    {
        var at = Now.ToUnixTimeSeconds();
        ArrivalJson Train(string line, int minutes) =>
            new(line, "Wall St", "N", minutes, line, "419N", at + (minutes * 60), at + (minutes * 60), "trip-" + line + minutes, null, true, "1", null, false, "1234567S");
        var subway = new SubwayResponse(true, [Train("4", 3), Train("5", 7), Train("4", 12)], at, 0);
        var bikes = new CitibikeResponse(true, [new DockJson("66db237e", "Broadway & Morris St", 8, 3, 4, 15, true, true, at, 73)], at, 0);
        var health = new HealthResponse { Status = "degraded" };
        health.Sources["subway"] = new SourceHealthJson("0s ago", "healthy", 1, 0, null);
        health.Sources["citibike"] = new SourceHealthJson("0s ago", "error", 2, 1, "Feed 'citibike/station_status' timed out");
        return new BoardSnapshot(
            Now,
            SourceBody<SubwayResponse>.Of(subway),
            SourceBody<CitibikeResponse>.Of(bikes),
            SourceBody<AlertsResponse>.NotConfigured(ProblemView.AlertsOff()),
            health,
            EverySourceHasData: true);
    }
}
