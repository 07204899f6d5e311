namespace TransitDash.Web.Tests.Support;

/// <summary>Waits for a state the host reaches on its own (a poll, a timeout) by asking it again and
/// again until a deadline. The deadline only stops a broken test from hanging; it times nothing.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    /// <summary>Probes until <paramref name="done"/> holds and returns that probe's value; fails with the
    /// last value seen when the deadline passes.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? Deadline);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"Waited {(deadline ?? Deadline).TotalSeconds:0} s for {what}; the last answer was: {value}");
            }

            await Task.Delay(Pause, TestContext.Current.CancellationToken);
        }
    }
}
