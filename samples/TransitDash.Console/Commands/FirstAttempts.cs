using TransitDash.Snapshots;

namespace TransitDash.ConsoleHost.Commands;

/// <summary>Waits until every source's first attempt has ended, successful or not.</summary>
internal static class FirstAttempts
{
    /// <summary>True when every source has attempted a fetch; false when the timeout or the token came first.</summary>
    public static async Task<bool> WaitAsync(SnapshotStore store, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);

        // Subscribed before the first check, so a change between the check and the wait is not missed.
        using var changes = store.Subscribe();
        using var deadline = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        while (!store.GetAllMetadata().All(m => m.FetchCount > 0))
        {
            try
            {
                if (!await changes.Reader.WaitToReadAsync(linked.Token))
                {
                    return false;
                }

                while (changes.Reader.TryRead(out _))
                {
                }
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return true;
    }
}
