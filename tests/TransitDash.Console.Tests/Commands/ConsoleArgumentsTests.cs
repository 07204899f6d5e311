using TransitDash.ConsoleHost.Commands;

namespace TransitDash.ConsoleHost.Tests.Commands;

public sealed class ConsoleArgumentsTests
{
    [Fact]
    public void Parse_Nothing_IsTheLiveBoard()
    {
        var parsed = ConsoleArguments.Parse([]);

        Assert.Equal(ConsoleCommand.Board, parsed.Command);
        Assert.False(parsed.Once);
        Assert.Equal(TimeSpan.FromSeconds(30), parsed.Timeout);
    }

    [Fact]
    public void Parse_Json_ImpliesOnce()
    {
        var parsed = ConsoleArguments.Parse(["--json", "--timeout=10s"]);

        Assert.True(parsed.Once);
        Assert.True(parsed.Json);
        Assert.Equal(TimeSpan.FromSeconds(10), parsed.Timeout);
    }

    [Fact]
    public void Parse_ConfigDemoAndSwitches_GoToTheConfiguration()
    {
        var parsed = ConsoleArguments.Parse(["--config", "my.yaml", "--demo", "--TransitDash:Subway:PollInterval=10s", "--TransitDash:ClockStart", "1568505680"]);

        Assert.Equal("my.yaml", parsed.Host.ConfigPath);
        Assert.True(parsed.Host.Demo);
        Assert.Equal(["--TransitDash:Subway:PollInterval=10s", "--TransitDash:ClockStart", "1568505680"], parsed.Host.Remaining);
    }

    [Fact]
    public void Parse_Record_ReadsItsOptions()
    {
        var parsed = ConsoleArguments.Parse(["record", "--out", "rec", "--duration", "2m", "--sources", "subway, CITIBIKE"]);

        Assert.Equal(ConsoleCommand.Record, parsed.Command);
        Assert.Equal("rec", parsed.OutDirectory);
        Assert.Equal(TimeSpan.FromMinutes(2), parsed.Duration);
        Assert.Equal(["subway", "citibike"], parsed.Sources);
    }

    [Fact]
    public void Parse_Replay_TakesTheFolderAndOnceOptions()
    {
        var parsed = ConsoleArguments.Parse(["replay", "rec", "--once", "--at", "2019-09-15T00:01:20Z"]);

        Assert.Equal(ConsoleCommand.Replay, parsed.Command);
        Assert.Equal("rec", parsed.ReplayDirectory);
        Assert.Equal(new DateTimeOffset(2019, 9, 15, 0, 1, 20, TimeSpan.Zero), parsed.At);
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("--help")]
    [InlineData("help")]
    public void Parse_Help_IsHelp(string arg) => Assert.Equal(ConsoleCommand.Help, ConsoleArguments.Parse([arg]).Command);

    [Theory]
    [InlineData("unknown option '--frobnicate'", "--frobnicate")]
    [InlineData("unexpected argument 'board'", "board")]
    [InlineData("--timeout needs a positive duration such as 30s, 2m or 1h (got 'soon')", "--once", "--timeout", "soon")]
    [InlineData("--timeout needs a positive duration such as 30s, 2m or 1h (got '-5s')", "--once", "--timeout=-5s")]
    [InlineData("--timeout needs a value", "--once", "--timeout")]
    [InlineData("--at freezes the clock, which only makes sense with --once", "--at", "2019-09-15T00:01:20Z")]
    [InlineData("--at needs an instant: ISO 8601 such as 2019-09-15T00:01:20Z, or epoch seconds (got 'noon')", "--once", "--at", "noon")]
    [InlineData("record needs --out DIR, the folder to write the recording to", "record")]
    [InlineData("--once does not go with record", "record", "--out", "rec", "--once")]
    [InlineData("--out does not go with the live board", "--out", "rec")]
    [InlineData("--sources: 'buses' is not a source; choose from subway, citibike, alerts", "record", "--out", "rec", "--sources", "subway,buses")]
    [InlineData("replay needs the folder of a recording, for example: replay recordings/am-rush", "replay")]
    [InlineData("--demo does not go with replay", "replay", "rec", "--demo")]
    [InlineData("unexpected argument 'other'", "replay", "rec", "other")]
    public void Parse_BadArguments_SaysWhatIsWrong(string message, params string[] args)
    {
        var error = Assert.Throws<ArgumentException>(() => ConsoleArguments.Parse(args));

        Assert.Equal(message, error.Message);
    }
}
