using TransitDash.Hosting.Rendering;

namespace TransitDash.ConsoleHost.Board;

/// <summary>What a data endpoint would answer for a source: its body, or the problem body it answers
/// instead (503 before the source's first data, 404 for alerts when none are configured).</summary>
/// <typeparam name="T">The body's type.</typeparam>
/// <param name="Data">The body when the source has data.</param>
/// <param name="NoData">The 503 body when it has none yet.</param>
/// <param name="Off">The 404 body when the source is not configured (alerts only).</param>
internal sealed record SourceBody<T>(T? Data, NoDataResponse? NoData, ProblemResponse? Off)
    where T : class
{
    public static SourceBody<T> Of(T data) => new(data, null, null);

    public static SourceBody<T> Missing(NoDataResponse noData) => new(null, noData, null);

    public static SourceBody<T> NotConfigured(ProblemResponse off) => new(null, null, off);

    /// <summary>Why there is no data, for people; null when there is.</summary>
    public string? Problem => NoData?.Error ?? Off?.Detail;
}
