using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TransitDash.Hosting;
using TransitDash.Options;
using TransitDash.Simulator;
using TransitDash.Snapshots;
using TransitDash.Sources;

namespace TransitDash.Benchmarks;

/// <summary><c>soak [--cycles 10000] [--first 100] [--interval 20ms] [--retention 1s] [--timeout 30m] [--config PATH]</c>:
/// runs the real poller (<c>AddTransitDash</c> with the built-in sources, configured from config.yaml as
/// <c>--demo</c> configures it) against the demo upstream on a loopback port, every source polled every
/// <c>--interval</c>, with health history kept for <c>--retention</c> (short, so the history is at its bound
/// long before the first measurement). After <c>--first</c> subway poll cycles, after a tenth of <c>--cycles</c>
/// and after <c>--cycles</c>, it forces full collections and reports the managed heap
/// (<see cref="GC.GetTotalMemory(bool)"/>) and the process's resident set, then the ratios end / first.
/// Stops by itself: at <c>--cycles</c>, or at <c>--timeout</c> with exit code 1. The process holds the
/// upstream too (the demo's own outages included): the figures count it.</summary>
internal static class SoakMode
{
    private const string Usage = "usage: soak [--cycles 10000] [--first 100] [--interval 20ms] [--retention 1s] [--timeout 30m] [--config PATH]";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var cycles = 10_000L;
        var first = 100L;
        var interval = TimeSpan.FromMilliseconds(20);
        var retention = TimeSpan.FromSeconds(1);
        var timeout = TimeSpan.FromMinutes(30);
        string? configPath = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            var ok = args[i] switch
            {
                "--cycles" => long.TryParse(value, CultureInfo.InvariantCulture, out cycles) && cycles > 0,
                "--first" => long.TryParse(value, CultureInfo.InvariantCulture, out first) && first > 0,
                "--interval" => Duration(value, out interval),
                "--retention" => Duration(value, out retention),
                "--timeout" => Duration(value, out timeout),
                "--config" => (configPath = value) is not null,
                _ => false,
            };
            if (!ok)
            {
                output.WriteLine($"unknown or bad argument '{args[i]}{(value is null ? string.Empty : " " + value)}'");
                output.WriteLine(Usage);
                return 2;
            }

            i++;
        }

        if (first >= cycles)
        {
            output.WriteLine($"--first ({first}) must be below --cycles ({cycles})");
            return 2;
        }

        var configuration = BoardConfiguration.Read(configPath).Configuration;
        var scenario = DemoMode.Scenario(configuration);
        await using var upstream = await DemoUpstream.StartAsync(scenario, TimeProvider.System).ConfigureAwait(false);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Configuration.AddInMemoryCollection(DemoMode.Overrides(configuration, upstream, scenario));
        builder.Configuration.AddInMemoryCollection(Overrides(interval, retention));
        builder.Services.AddTransitDash(builder.Configuration.GetSection("TransitDash"));
        using var host = builder.Build();
        var store = host.Services.GetRequiredService<SnapshotStore>();

        output.WriteLine($"soak: {cycles} subway poll cycles of {scenario.SubwayFeeds.Count} feeds (Citi Bike and alerts alongside), every {interval.TotalMilliseconds} ms, history retention {retention.TotalSeconds} s, upstream {upstream.GbfsDiscoveryUrl.Split("/gbfs")[0]}");
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}; {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
        var clock = Stopwatch.StartNew();
        await host.StartAsync().ConfigureAwait(false);
        try
        {
            // The spec's two points, plus one at a tenth of the run: the runtime's own warm-up (the JIT's
            // tiers, the GC's budgets) takes seconds of wall clock, which a fast soak's first cycles do not span.
            var checkpoints = new[] { first, Math.Max(first, cycles / 10), cycles }.Distinct().ToArray();
            var figures = new List<Figures>();
            foreach (var checkpoint in checkpoints)
            {
                if (!await WaitForCycleAsync(store, checkpoint, clock, timeout, output).ConfigureAwait(false))
                {
                    return 1;
                }

                var measured = await MeasureAsync(store, clock).ConfigureAwait(false);
                output.WriteLine($"after cycle {measured.Cycles}: {measured}");
                figures.Add(measured);
            }

            var (start, end) = (figures[0], figures[^1]);
            output.WriteLine($"soak: managed heap end/first {Ratio(end.HeapBytes, start.HeapBytes)}, RSS end/first {Ratio(end.ResidentBytes, start.ResidentBytes)} (target: each within 1.05)");
            if (figures.Count == 3)
            {
                var middle = figures[1];
                output.WriteLine($"soak: from cycle {middle.Cycles}: managed heap end/that {Ratio(end.HeapBytes, middle.HeapBytes)}, RSS end/that {Ratio(end.ResidentBytes, middle.ResidentBytes)}");
            }

            output.WriteLine($"load average at the end {LoadAverage()}");
            return 0;
        }
        finally
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await host.StopAsync(stopping.Token).ConfigureAwait(false);
        }
    }

    /// <summary>What the soak changes in the configuration: every source polls at the interval, attempts fit
    /// in it, the rate limit is out of the way, and a tripped breaker comes back soon.</summary>
    private static Dictionary<string, string?> Overrides(TimeSpan interval, TimeSpan retention)
    {
        var every = Ms(interval);
        return new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["TransitDash:Subway:PollInterval"] = every,
            ["TransitDash:Citibike:PollInterval"] = every,
            ["TransitDash:Alerts:PollInterval"] = every,
            ["TransitDash:History:Retention"] = Ms(retention),
            ["TransitDash:Resilience:AttemptTimeout"] = every,
            ["TransitDash:Resilience:RetryDelay"] = Ms(interval / 4),
            ["TransitDash:Resilience:RetryMaxDelay"] = Ms(interval / 2),
            ["TransitDash:Resilience:BreakerDuration"] = "1s",
            ["TransitDash:Resilience:MaxRequestsPerSecond"] = "1000000",
        };

        static string Ms(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, span.TotalMilliseconds):0.###}ms");
    }

    private static async Task<bool> WaitForCycleAsync(SnapshotStore store, long cycle, Stopwatch clock, TimeSpan timeout, TextWriter output)
    {
        var reported = Cycles(store) / 1000;
        while (Cycles(store) < cycle)
        {
            if (clock.Elapsed > timeout)
            {
                output.WriteLine($"soak: timed out after {clock.Elapsed.TotalSeconds:0} s at cycle {Cycles(store)} of {cycle}");
                return false;
            }

            if (Cycles(store) / 1000 > reported)
            {
                reported = Cycles(store) / 1000;
                output.WriteLine($"  cycle {Cycles(store)}: {clock.Elapsed.TotalSeconds:0} s, heap {GC.GetTotalMemory(false) / 1e6:0.0} MB (not collected), RSS {Resident() / 1e6:0.0} MB");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5)).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>The lowest heap and RSS of a few samples, one poll interval apart, each after full collections:
    /// the poller keeps running, and a sample taken while a cycle's payloads are in flight counts them too
    /// (tens of KB against a heap under 2 MB); what stays across samples is what the process holds.</summary>
    private static async Task<Figures> MeasureAsync(SnapshotStore store, Stopwatch clock)
    {
        const int Samples = 10;
        var heap = long.MaxValue;
        var resident = long.MaxValue;
        long[] generations = [];
        for (var i = 0; i < Samples; i++)
        {
            if (i > 0)
            {
                var next = Cycles(store) + 1;
                while (Cycles(store) < next)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(2)).ConfigureAwait(false);
                }
            }

            // Aggressive: a full compacting collection that also hands the GC's free space back to the OS, so
            // RSS counts what the process holds rather than the allocation budget the GC keeps at hand (which
            // grows over the first seconds as it tunes itself). Then again after the finalizers, for what
            // the first collection left to them.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var total = GC.GetTotalMemory(forceFullCollection: true);
            if (total < heap)
            {
                heap = total;
                generations = [.. GC.GetGCMemoryInfo().GenerationInfo.ToArray().Select(g => g.SizeAfterBytes)];
            }

            resident = Math.Min(resident, Resident());
        }

        var metadata = store.GetAllMetadata();
        using var self = Process.GetCurrentProcess();
        return new Figures(
            Cycles(store),
            clock.Elapsed,
            heap,
            resident,
            GC.GetGCMemoryInfo().TotalCommittedBytes,
            generations,
            System.Runtime.JitInfo.GetCompiledMethodCount(),
            self.Threads.Count,
            [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)],
            string.Join(", ", metadata.Select(m => $"{m.Source} {m.FetchCount} cycles/{m.ErrorCount} failed/{store.GetAttempts(m.Source, SnapshotStore.AttemptCapacity).Count} requests kept")));
    }

    private static long Cycles(SnapshotStore store) => store.GetMetadata(TransitDashSources.Subway)?.FetchCount ?? 0;

    private static long Resident()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    private static string Ratio(long end, long start) => string.Create(CultureInfo.InvariantCulture, $"{(double)end / start:0.000}");

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static bool Duration(string? text, out TimeSpan value) =>
        DurationText.TryParse(text, out value) && value > TimeSpan.Zero;

    /// <summary>One measurement. Besides the two that count, what explains RSS: the GC's committed memory,
    /// the methods the JIT has compiled (each tier counts) and the threads.</summary>
    private sealed record Figures(long Cycles, TimeSpan Elapsed, long HeapBytes, long ResidentBytes, long CommittedBytes, long[] Generations, long JittedMethods, int Threads, int[] Collections, string Sources)
    {
        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"{Elapsed.TotalSeconds:0.0} s, managed heap {HeapBytes / 1e6:0.000} MB, RSS {ResidentBytes / 1e6:0.0} MB (GC committed {CommittedBytes / 1e6:0.0} MB, heap by generation 0/1/2/LOH/POH {string.Join('/', Generations.Select(g => (g / 1000).ToString(CultureInfo.InvariantCulture)))} KB, {JittedMethods} methods jitted, {Threads} threads), collections {string.Join('/', Collections)}; {Sources}");
    }
}
