using Microsoft.Extensions.Logging;

namespace TransitDash.ConsoleHost.Hosting;

/// <summary>Holds back routine log lines while the live board owns a terminal that stderr shares: lines
/// written under a board being redrawn in place would tear it. Errors still pass; what failed shows in
/// the board's health table anyway.</summary>
internal sealed class LogGate
{
    private volatile bool quiet;

    /// <summary>True while only errors are logged.</summary>
    public bool Quiet
    {
        get => quiet;
        set => quiet = value;
    }

    /// <summary>Whether a line of this level is written: from Information up (the hosts' default), and
    /// only errors while <see cref="Quiet"/>.</summary>
    public bool Allows(LogLevel level) => level >= (quiet ? LogLevel.Error : LogLevel.Information);
}
