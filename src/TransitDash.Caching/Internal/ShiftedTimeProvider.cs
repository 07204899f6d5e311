namespace TransitDash.Internal;

/// <summary>A clock that starts at a chosen instant and advances in real time (<c>TransitDash:ClockStart</c>),
/// so recordings made at that instant replay as if live. Timers and timestamps are the system's.</summary>
internal sealed class ShiftedTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _start;
    private readonly long _startTimestamp;

    public ShiftedTimeProvider(DateTimeOffset start)
    {
        _start = start.ToUniversalTime();
        _startTimestamp = System.GetTimestamp();
    }

    public override DateTimeOffset GetUtcNow() => _start + System.GetElapsedTime(_startTimestamp);
}
