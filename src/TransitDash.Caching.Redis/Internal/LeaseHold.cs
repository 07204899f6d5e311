namespace TransitDash.Internal;

/// <summary>The poller's lease as this replica holds it.</summary>
/// <param name="Value">The lease's value in Redis, <c>token:replica</c>: the fence every write is checked against.</param>
/// <param name="RenewedAt">When the last successful take or renewal was sent (a <see cref="TimeProvider"/>
/// timestamp). The lease is trusted for one lease duration from then, which ends before Redis lets it expire.</param>
/// <param name="Synced">True once this replica has re-read every snapshot since taking the lease, so that the
/// snapshots it makes carry on from the newest ones.</param>
internal sealed record LeaseHold(string Value, long RenewedAt, bool Synced)
{
    /// <summary>The fencing token: the number before the colon.</summary>
    public long Token => LeaseValue.Token(Value);
}
