namespace TransitDash.Snapshots;

/// <summary>A feed's circuit breaker as its latest poll left it.</summary>
/// <param name="State">The state after that poll: <see cref="FeedCircuitState.Closed"/> or <see cref="FeedCircuitState.Open"/>
/// (half-open only lasts while a trial runs).</param>
/// <param name="OpenUntil">For an open circuit, when its break ends; else null.</param>
public sealed record FeedCircuit(FeedCircuitState State, DateTimeOffset? OpenUntil)
{
    /// <summary>A closed circuit.</summary>
    public static FeedCircuit Closed { get; } = new(FeedCircuitState.Closed, null);

    /// <summary>The state at a moment: an open circuit whose break has ended is half-open, since the next poll
    /// is a single trial request.</summary>
    /// <param name="now">The moment.</param>
    /// <returns>The state.</returns>
    public FeedCircuitState StateAt(DateTimeOffset now) =>
        State == FeedCircuitState.Open && OpenUntil is { } until && now >= until ? FeedCircuitState.HalfOpen : State;

    /// <summary>The circuit of a source made of several feeds: open while any of its feeds is open (until the
    /// last of their breaks ends), half-open while any is, else closed; null when no feed has a circuit.</summary>
    internal static FeedCircuit? Worst(IEnumerable<FeedCircuit?> circuits)
    {
        FeedCircuit? worst = null;
        foreach (var circuit in circuits)
        {
            if (circuit is null)
            {
                continue;
            }

            if (worst is null || circuit.State > worst.State)
            {
                worst = circuit;
            }
            else if (circuit.State == worst.State && circuit.OpenUntil > worst.OpenUntil)
            {
                worst = circuit;
            }
        }

        return worst;
    }
}
