namespace TransitDash.Snapshots;

/// <summary>The state of the circuit breaker that a feed's polls go through (<c>circuit</c> in <c>/api/health</c>).
/// The values are those of the <c>transitdash.circuit.state</c> gauge.</summary>
public enum FeedCircuitState
{
    /// <summary>Polls reach the upstream.</summary>
    Closed = 0,

    /// <summary>The break is over: the next poll is one trial request, without retries. Its success closes the
    /// circuit, its failure opens it again.</summary>
    HalfOpen = 1,

    /// <summary>Enough consecutive polls failed: polls are answered at once, without a request, until the break ends.</summary>
    Open = 2,
}
