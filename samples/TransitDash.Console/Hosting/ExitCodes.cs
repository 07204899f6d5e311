namespace TransitDash.ConsoleHost.Hosting;

/// <summary>What the process's exit code says.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Bad arguments or configuration: nothing ran.</summary>
    public const int BadInput = 1;

    /// <summary><c>--once</c>: some source has no data (the output still shows the rest, with the error).</summary>
    public const int SomeSourceHasNoData = 2;

    /// <summary><c>record</c>: a write failed and recording stopped; what was written is kept.</summary>
    public const int RecordingStopped = 3;

    /// <summary>Interrupted (Ctrl+C) before <c>--once</c> could print.</summary>
    public const int Interrupted = 130;
}
