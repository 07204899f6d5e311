namespace TransitDash.Polling;

/// <summary>A source of data that the poller keeps fresh: one fetch is one unit of work. Register one with
/// <c>builder.AddSource(...)</c> and it gets a snapshot, health, history, attempts and metrics like the
/// built-in sources. The poller never runs two fetches of one source at once.</summary>
/// <typeparam name="T">The type of the source's data: an immutable value that readers share.</typeparam>
public interface IPolledSource<T>
{
    /// <summary>The source's name: its key in the snapshot store, health and metrics.</summary>
    string Name { get; }

    /// <summary>How often the source is fetched; the first fetch starts when the host starts.</summary>
    TimeSpan PollInterval { get; }

    /// <summary>Fetches the source once. Any exception is caught, recorded as a failed attempt (its kind
    /// taken from <see cref="Feeds.FeedException.Kind"/> when it is one) and logged; the data held stays.</summary>
    /// <param name="cancellationToken">Fires when the host stops.</param>
    /// <returns>The data, or a failure, with what the fetch saw.</returns>
    Task<PollResult<T>> FetchAsync(CancellationToken cancellationToken);
}
