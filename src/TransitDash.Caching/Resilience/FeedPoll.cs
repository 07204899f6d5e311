using TransitDash.Feeds;
using TransitDash.Snapshots;

namespace TransitDash.Resilience;

/// <summary>How one poll of a feed through its <see cref="FeedPipeline"/> ended.</summary>
/// <param name="Result">What the last try brought, when the poll succeeded.</param>
/// <param name="Error">Why the poll failed (its last try's failure, or the open circuit); null when it succeeded.</param>
/// <param name="Attempts">Every request the poll made, retries included, or, when the circuit was open, one
/// record per feed that was not asked; each carries <paramref name="Circuit"/>.</param>
/// <param name="Circuit">The feed's circuit breaker after the poll.</param>
internal sealed record FeedPoll<T>(T? Result, FeedException? Error, IReadOnlyList<FeedAttempt> Attempts, FeedCircuit Circuit)
{
    public bool Succeeded => Error is null;
}
