namespace TransitDash.ConsoleHost.Commands;

/// <summary>What the console does.</summary>
internal enum ConsoleCommand
{
    /// <summary>The board: live, or once with <c>--once</c>.</summary>
    Board,

    /// <summary>Record the feeds' payloads to a folder.</summary>
    Record,

    /// <summary>The board, played from a recording.</summary>
    Replay,

    /// <summary>Print the help.</summary>
    Help,
}
