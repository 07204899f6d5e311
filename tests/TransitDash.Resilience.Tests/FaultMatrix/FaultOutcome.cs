namespace TransitDash.Resilience.Tests.FaultMatrix;

/// <summary>What the matrix saw of one fault.</summary>
/// <param name="Fault">The fault.</param>
/// <param name="Lane">The lane it ran on.</param>
/// <param name="DetectedAfter">From its start until health showed its kind; null when it never did in time.</param>
/// <param name="OpenedAfter">From then until the circuit showed open; null when it never did in time.</param>
/// <param name="RecoveredAfter">From the upstream's recovery until health was healthy and the circuit closed; null when not in time.</param>
/// <param name="Attempts">The feed's attempt records from the fault's start on, oldest first, as <c>outcome/error_kind</c>.</param>
internal sealed record FaultOutcome(Fault Fault, Lane Lane, TimeSpan? DetectedAfter, TimeSpan? OpenedAfter, TimeSpan? RecoveredAfter, IReadOnlyList<string> Attempts)
{
    /// <summary>For a fault held through a trial: how many requests that trial made (1: no retry).</summary>
    public int? TrialRequests { get; init; }

    public override string ToString() =>
        $"{Fault.Name} on {Lane.Feed}: detected after {DetectedAfter?.TotalSeconds:0.00} s, opened after {OpenedAfter?.TotalSeconds:0.00} s, " +
        $"recovered after {RecoveredAfter?.TotalSeconds:0.00} s; attempts {string.Join(" ", Attempts)}";
}
