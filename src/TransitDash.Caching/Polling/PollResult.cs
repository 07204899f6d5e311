using TransitDash.Feeds;

namespace TransitDash.Polling;

/// <summary>Makes <see cref="PollResult{T}"/>s.</summary>
public static class PollResult
{
    /// <summary>A successful fetch.</summary>
    /// <typeparam name="T">The source's data type.</typeparam>
    /// <param name="data">The data to publish.</param>
    /// <returns>The result.</returns>
    public static PollResult<T> Success<T>(T data) => new(true, data, null);

    /// <summary>A failed fetch: nothing new to publish, the data held stays.</summary>
    /// <typeparam name="T">The source's data type.</typeparam>
    /// <param name="error">What went wrong.</param>
    /// <returns>The result.</returns>
    public static PollResult<T> Failure<T>(FeedException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(false, default, error);
    }

    /// <summary>A fetch that brought data but failed in part (one feed of several).</summary>
    /// <typeparam name="T">The source's data type.</typeparam>
    /// <param name="data">The data to publish.</param>
    /// <param name="error">What went wrong.</param>
    /// <returns>The result.</returns>
    public static PollResult<T> Partial<T>(T data, FeedException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(true, data, error);
    }
}
