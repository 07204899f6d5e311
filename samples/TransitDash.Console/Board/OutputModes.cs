namespace TransitDash.ConsoleHost.Board;

/// <summary>Decides how the board is written.</summary>
internal static class OutputModes
{
    /// <summary>Plain lines when the output is redirected, <c>TERM</c> is <c>dumb</c>, or the terminal
    /// does not understand ANSI (a live board needs cursor movement); else the terminal board.</summary>
    public static OutputMode Detect(bool outputRedirected, string? term, bool ansi) =>
        outputRedirected || !ansi || string.Equals(term, "dumb", StringComparison.OrdinalIgnoreCase)
            ? OutputMode.Plain
            : OutputMode.Terminal;
}
