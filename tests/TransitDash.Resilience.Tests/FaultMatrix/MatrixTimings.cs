namespace TransitDash.Resilience.Tests.FaultMatrix;

/// <summary>The short intervals and thresholds the matrix runs with, and the deadlines derived from them.</summary>
internal static class MatrixTimings
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(20);
    public static readonly TimeSpan RetryMaxDelay = TimeSpan.FromMilliseconds(50);
    public const int Retries = 1;
    public const int BreakerFailures = 2;
    public static readonly TimeSpan BreakerDuration = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan ErrorAfter = TimeSpan.FromSeconds(2);
    public const long MaxResponseBytes = 4 * 1024 * 1024;

    /// <summary>The longest one poll can take: every attempt timing out, with the longest waits between them.</summary>
    public static readonly TimeSpan LongestPoll = (AttemptTimeout * (Retries + 1)) + (RetryMaxDelay * Retries);

    /// <summary>What a shared two-core machine may add to any deadline: scheduling, JIT, garbage collection.</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromSeconds(1.5);

    /// <summary>From a fault's start until health names it: the poll in flight may still succeed, so one interval
    /// for the next tick and that poll's own time (a frozen feed is only frozen after ErrorAfter).</summary>
    public static TimeSpan DetectWithin(bool frozen) => (frozen ? ErrorAfter : TimeSpan.Zero) + PollInterval + PollInterval + LongestPoll + Slack;

    /// <summary>From the fault showing in health until the circuit opens: the remaining failed polls of the run.</summary>
    public static readonly TimeSpan OpenWithin = ((PollInterval + LongestPoll) * (BreakerFailures - 1)) + Slack;

    /// <summary>From the upstream recovering until health is healthy: the break ends, the next tick's trial succeeds.</summary>
    public static readonly TimeSpan RecoverWithin = BreakerDuration + PollInterval + LongestPoll + Slack;
}
