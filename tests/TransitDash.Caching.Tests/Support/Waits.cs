namespace TransitDash.Caching.Tests.Support;

/// <summary>Waiting for work the code under test does on other threads. The bound only stops a broken test
/// from hanging the run; nothing is timed by it.</summary>
internal static class Waits
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public static async Task For(SemaphoreSlim signal, int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(await signal.WaitAsync(Bound), "the expected call did not come");
        }
    }

    public static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the expected state was not reached");
            await Task.Yield();
            await Task.Delay(1);
        }
    }
}
