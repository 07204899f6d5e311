namespace TransitDash.ConsoleHost.Hosting;

/// <summary>The clock of <c>--at</c>: "now" is always the same instant, so a board made from the same data
/// is the same on every run. Timers and elapsed times stay the system's, so polling, timeouts and
/// latencies behave as usual.</summary>
internal sealed class FrozenClock(DateTimeOffset at) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => at;
}
