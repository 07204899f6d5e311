namespace TransitDash.ConsoleHost.Board;

/// <summary>How the board is written.</summary>
internal enum OutputMode
{
    /// <summary>Tables redrawn in place (a terminal that understands ANSI).</summary>
    Terminal,

    /// <summary>Plain lines: the output is a file or a pipe, or the terminal cannot redraw.</summary>
    Plain,
}
