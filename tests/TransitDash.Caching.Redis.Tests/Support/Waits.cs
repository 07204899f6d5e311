namespace TransitDash.Caching.Redis.Tests.Support;

/// <summary>Waiting for work that other threads or processes do. The bound only stops a broken test from
/// hanging the run; nothing is timed by it.</summary>
internal static class Waits
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    public static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
