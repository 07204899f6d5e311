using TransitDash.ConsoleHost.Board;

namespace TransitDash.ConsoleHost.Tests.Board;

public sealed class OutputModesTests
{
    [Theory]
    [InlineData(true, "xterm-256color", true, false)]
    [InlineData(false, "dumb", true, false)]
    [InlineData(false, "DUMB", true, false)]
    [InlineData(false, "xterm", false, false)]
    [InlineData(false, "xterm-256color", true, true)]
    [InlineData(false, null, true, true)]
    public void Detect_OutputTermAndAnsi_PlainUnlessATerminalThatRedraws(bool redirected, string? term, bool ansi, bool terminal) =>
        Assert.Equal(terminal ? OutputMode.Terminal : OutputMode.Plain, OutputModes.Detect(redirected, term, ansi));
}
