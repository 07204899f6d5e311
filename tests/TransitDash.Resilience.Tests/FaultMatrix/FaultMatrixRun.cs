using System.Diagnostics;
using System.Text.Json;

namespace TransitDash.Resilience.Tests.FaultMatrix;

/// <summary>Runs the fault matrix once for every test of <see cref="FaultMatrixTests"/>: starts the web host, waits for
/// good data everywhere, warms up with two faults, measures threads and managed memory, runs the lanes at once while
/// <see cref="EndpointWatch"/> reads the data endpoints, waits for every feed to be healthy, measures again, and keeps
/// what the host shows afterwards (logs, metrics, health, attempts) for the secret and metric checks.</summary>
public sealed class FaultMatrixRun : IAsyncLifetime
{
    private MatrixHost? _host;

    internal IReadOnlyList<FaultOutcome> Outcomes { get; private set; } = [];

    internal EndpointWatch? Watch { get; private set; }

    internal Resources Before { get; private set; }

    internal Resources After { get; private set; }

    internal TimeSpan Duration { get; private set; }

    internal string Metrics { get; private set; } = string.Empty;

    /// <summary>What the host shows afterwards: <c>/api/health</c>, the attempts of every source, <c>/metrics</c>.</summary>
    internal IReadOnlyList<string> Surfaces { get; private set; } = [];

    internal IReadOnlyList<string> LeakedLogLines { get; private set; } = [];

    internal long LogLines { get; private set; }

    internal bool ApiKeySentToEveryMtaRequest { get; private set; }

    internal bool ApiKeySentToGbfs { get; private set; }

    internal int GbfsNotModified { get; private set; }

    internal bool Ran => _host is not null;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        if (Testing.Fixtures.Directory is null)
        {
            // Each test reports the skip (or, under TRANSITDASH_REQUIRE_ALL=1, the failure).
            return;
        }

        var clock = Stopwatch.StartNew();
        _host = await MatrixHost.StartAsync(Cancel);
        var lanes = MatrixPlan.Lanes();
        await WaitAllHealthyAsync(lanes, TimeSpan.FromSeconds(30));
        var citibike = await _host.GetJsonAsync("/api/citibike", Cancel);

        // A whole pass of the matrix first, unchecked, with the endpoints read as in the measured pass, so that what
        // the faults and readers fill once and then keep at a bound is full before the measure: pooled buffers, the
        // readers' open connections, each source's last 512 attempt records. A leak grows again in the measured pass;
        // those do not. (After only a few faults and no readers first, the measured pass grew this test's heap of
        // about 6 MB by 1-1.6 MB; after this warm-up, by -0.3 to +2 %.)
        using (var warmUpDone = CancellationTokenSource.CreateLinkedTokenSource(Cancel))
        {
            // Read the endpoints as the measured pass will, so that the connections doing it are open at both measures.
            var reading = new EndpointWatch(_host, lanes, citibike.GetProperty("data").GetRawText()).RunAsync(warmUpDone.Token);
            await Task.WhenAll(lanes.Select(RunLaneAsync));
            await warmUpDone.CancelAsync();
            await reading;
        }

        await WaitAllHealthyAsync(lanes, MatrixTimings.RecoverWithin);

        // The upstream's log of requests is the test's, and grows with every request: both measures leave it out.
        _host.Upstream.ClearRequests();
        Before = Measure();

        Watch = new EndpointWatch(_host, lanes, citibike.GetProperty("data").GetRawText());
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel))
        {
            var watching = Watch.RunAsync(stop.Token);
            var outcomes = await Task.WhenAll(lanes.Select(RunLaneAsync));
            Outcomes = [.. outcomes.SelectMany(o => o)];
            await stop.CancelAsync();
            await watching;
        }

        await WaitAllHealthyAsync(lanes, MatrixTimings.RecoverWithin);
        var requests = _host.Upstream.Requests;
        var mta = requests.Where(r => r.Path.StartsWith("/nyct", StringComparison.Ordinal)).ToArray();
        ApiKeySentToEveryMtaRequest = mta.Length > 0 && mta.All(r => r.Header("x-api-key") == MatrixHost.Secret);
        ApiKeySentToGbfs = requests.Any(r => r.Path.StartsWith("/gbfs", StringComparison.Ordinal) && r.Header("x-api-key") is not null);
        GbfsNotModified = requests.Count(r => r.Path == MatrixHost.GbfsPath("station_information") && r.ResponseStatusCode == 304);
        requests = mta = [];
        _host.Upstream.ClearRequests();
        After = Measure();
        Duration = clock.Elapsed;

        Metrics = await _host.Client.GetStringAsync("/metrics", Cancel);
        Surfaces =
        [
            await _host.Client.GetStringAsync("/api/health", Cancel),
            await _host.Client.GetStringAsync("/api/health/attempts?source=subway&limit=512", Cancel),
            await _host.Client.GetStringAsync("/api/health/attempts?source=citibike&limit=512", Cancel),
            Metrics,
        ];
        LeakedLogLines = _host.Logs.Leaks;
        LogLines = _host.Logs.Lines;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private async Task<FaultOutcome[]> RunLaneAsync(Lane lane)
    {
        var outcomes = new List<FaultOutcome>();
        foreach (var fault in lane.Faults)
        {
            outcomes.Add(await RunFaultAsync(lane, fault));
        }

        return [.. outcomes];
    }

    /// <summary>One fault: on, until health names it and the circuit opens (and, when asked, one trial fails); then off,
    /// until the next trial brings the feed back to healthy.</summary>
    private async Task<FaultOutcome> RunFaultAsync(Lane lane, Fault fault)
    {
        var host = _host!;
        var startedAt = host.Time.GetUtcNow();
        lane.Active = new ActiveFault(fault, startedAt);
        fault.Apply(host);

        var detected = await WaitAsync(lane, f => Kind(f) == fault.Kind, MatrixTimings.DetectWithin(fault.Frozen));
        var opened = await WaitAsync(lane, f => Circuit(f) == "open", MatrixTimings.OpenWithin);
        int? trialRequests = null;
        if (fault.HoldThroughTrial)
        {
            trialRequests = await WaitForFailedTrialAsync(lane, startedAt);
        }

        // From here the data may turn new at any moment: the checks that hold during a fault end with it.
        lane.Active = null;
        lane.Restore(host);
        var recovered = await WaitAsync(lane, f => Status(f) == "healthy" && Circuit(f) == "closed", MatrixTimings.RecoverWithin);
        return new FaultOutcome(fault, lane, detected, opened, recovered, await AttemptsSinceAsync(lane, startedAt)) { TrialRequests = trialRequests };
    }

    /// <summary>Waits for a trial of the open circuit to fail and the circuit to open again; returns how many requests
    /// the trial made, or null when none came in time.</summary>
    private async Task<int?> WaitForFailedTrialAsync(Lane lane, DateTimeOffset since)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < MatrixTimings.RecoverWithin)
        {
            var attempts = await AttemptsSinceAsync(lane, since);
            var firstOpen = attempts.ToList().IndexOf("circuit_open");
            if (firstOpen >= 0)
            {
                var trial = attempts.Skip(firstOpen).SkipWhile(a => a == "circuit_open").TakeWhile(a => a != "circuit_open").ToArray();
                var reopened = attempts.Skip(firstOpen).SkipWhile(a => a == "circuit_open").SkipWhile(a => a != "circuit_open").Any();
                if (trial.Length > 0 && reopened)
                {
                    return trial.Length;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), Cancel);
        }

        return null;
    }

    /// <summary>Polls the lane's feed in <c>/api/health</c> until <paramref name="condition"/> holds; returns how long it
    /// took, or null when the deadline passed first.</summary>
    private async Task<TimeSpan?> WaitAsync(Lane lane, Func<JsonElement, bool> condition, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < deadline)
        {
            var health = await _host!.GetJsonAsync("/api/health", Cancel);
            if (condition(health.GetProperty(lane.Source).GetProperty("feeds").GetProperty(lane.Feed)))
            {
                return clock.Elapsed;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), Cancel);
        }

        return null;
    }

    private async Task WaitAllHealthyAsync(IReadOnlyList<Lane> lanes, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var health = await _host!.GetJsonAsync("/api/health", Cancel);
            if (health.GetProperty("status").GetString() == "healthy"
                && lanes.All(l => health.GetProperty(l.Source).GetProperty("feeds").TryGetProperty(l.Feed, out var feed) && Status(feed) == "healthy"))
            {
                return;
            }

            Assert.True(clock.Elapsed < deadline, $"the host did not become healthy within {deadline}: {health}");
            await Task.Delay(TimeSpan.FromMilliseconds(50), Cancel);
        }
    }

    /// <summary>The lane feed's attempt records since a moment, oldest first: <c>ok</c>, <c>not_modified</c> or the error kind.</summary>
    /// <remarks>Records carry whole seconds. A fault starts once the one before has recovered, so the records of its first
    /// second that came before it are the previous fault's last open-circuit answers and the trial's success: the first
    /// are left out here, the success stands first in the list.</remarks>
    private async Task<IReadOnlyList<string>> AttemptsSinceAsync(Lane lane, DateTimeOffset since)
    {
        var attempts = await _host!.GetJsonAsync($"/api/health/attempts?source={lane.Source}&limit=512", Cancel);
        return [.. attempts.GetProperty("data").EnumerateArray()
            .Where(a => a.GetProperty("feed").GetString() == lane.Feed && a.GetProperty("time").GetInt64() >= since.ToUnixTimeSeconds())
            .Reverse()
            .Select(a => a.GetProperty("outcome").GetString() == "error" ? a.GetProperty("error_kind").GetString()! : a.GetProperty("outcome").GetString()!)
            .SkipWhile(a => a == "circuit_open")];
    }

    private static string? Kind(JsonElement feed) => feed.GetProperty("last_error_kind").GetString();

    private static string? Status(JsonElement feed) => feed.GetProperty("status").GetString();

    private static string? Circuit(JsonElement feed) => feed.TryGetProperty("circuit", out var circuit) ? circuit.GetString() : null;

    private Resources Measure()
    {
        // Recorded requests are the test's own bookkeeping, not the host's.
        _host!.Upstream.ClearRequests();
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        // A thread pool worker stuck for good is busy in every sample; one that merely ran something is not.
        var busy = int.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            ThreadPool.GetMaxThreads(out var most, out _);
            ThreadPool.GetAvailableThreads(out var available, out _);
            busy = Math.Min(busy, most - available);
            Thread.Sleep(TimeSpan.FromMilliseconds(100));
        }

        using var process = Process.GetCurrentProcess();
        return new Resources(process.Threads.Count, ThreadPool.ThreadCount, busy, GC.GetTotalMemory(forceFullCollection: true));
    }

    /// <summary>The process's threads, how many of them are the thread pool's and how many of those were busy in every
    /// sample, and the managed heap's bytes after a full collection.</summary>
    internal readonly record struct Resources(int Threads, int PoolThreads, int BusyPoolThreads, long ManagedBytes)
    {
        /// <summary>Threads outside the pool: ones that someone started and must end.</summary>
        public int DedicatedThreads => Threads - PoolThreads;
    }
}
