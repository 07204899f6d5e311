using System.Collections;

namespace TransitDash.Polling;

/// <summary>A source made of a function, for <c>builder.AddSource(name, interval, fetch)</c>.</summary>
internal sealed class DelegateSource<T>(string name, TimeSpan pollInterval, Func<CancellationToken, Task<T>> fetch) : IPolledSource<T>
{
    public string Name => name;

    public TimeSpan PollInterval => pollInterval;

    public async Task<PollResult<T>> FetchAsync(CancellationToken cancellationToken)
    {
        var data = await fetch(cancellationToken).ConfigureAwait(false);
        var count = data is ICollection collection ? collection.Count : (int?)null;
        return PollResult.Success<T>(data) with
        {
            EntityCount = count,
            Summary = count is { } n ? $"Fetched {n} items" : "Fetched",
        };
    }
}
