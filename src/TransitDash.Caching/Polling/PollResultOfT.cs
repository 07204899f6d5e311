using TransitDash.Feeds;
using TransitDash.Snapshots;

namespace TransitDash.Polling;

/// <summary>What one fetch of a source brought: new data, a failure, or both (some feeds of a source
/// answered and others failed: the data is published and the attempt still counts as failed).</summary>
/// <typeparam name="T">The source's data type.</typeparam>
/// <remarks>Made by <see cref="PollResult.Success{T}"/>, <see cref="PollResult.Failure{T}"/> or <see cref="PollResult.Partial{T}"/>;
/// set the other members with <c>with</c>.</remarks>
public sealed record PollResult<T>
{
    internal PollResult(bool hasData, T? data, FeedException? error)
    {
        HasData = hasData;
        Data = data;
        Error = error;
    }

    /// <summary>True when <see cref="Data"/> is new data to publish.</summary>
    public bool HasData { get; }

    /// <summary>The data to publish, when <see cref="HasData"/>.</summary>
    public T? Data { get; }

    /// <summary>Why the attempt failed; null when it succeeded.</summary>
    public FeedException? Error { get; }

    /// <summary>The requests the fetch made, for per-feed figures, attempt records and metrics. When empty,
    /// the poller records one request named after the source.</summary>
    public IReadOnlyList<FeedAttempt> Attempts { get; init; } = [];

    /// <summary>The source's current warnings (problems that do not fail an attempt); null keeps the previous ones.</summary>
    public IReadOnlyList<string>? Warnings { get; init; }

    /// <summary>When the producer made the newest data (header time, <c>last_updated</c>), when known.</summary>
    public DateTimeOffset? UpstreamTime { get; init; }

    /// <summary>How many items the data holds, for the entity gauge and health.</summary>
    public int? EntityCount { get; init; }

    /// <summary>What the fetch got, for the log line, for example "Fetched 12 arrivals from 6 stations".</summary>
    public string? Summary { get; init; }
}
