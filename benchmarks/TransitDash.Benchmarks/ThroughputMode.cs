using System.Diagnostics;
using System.Globalization;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Feeds.GtfsRealtime.Arrivals.Internal;

namespace TransitDash.Benchmarks;

/// <summary><c>throughput --dir DIR [--seconds N] [--naive] [--cycle]</c>: loops over every <c>.pb</c> in DIR for N
/// seconds (after a warm-up) listing the Financial District arrivals, and ends with one line:
/// <c>throughput: &lt;MB/s&gt; MB/s, &lt;bytes&gt; B allocated per input byte, &lt;N&gt; stop updates matched</c>
/// (MB = 10^6 bytes; matched = stop updates at those stations before any rule, per pass over DIR).</summary>
/// <remarks>By default each file is projected straight from its bytes (<see cref="ArrivalProjector.ProjectFromWire"/>)
/// at its own header time. <c>--naive</c> does the same work through the full typed parse
/// (<see cref="GtfsRealtimeParser.ParseTripFeed"/> then <see cref="ArrivalProjector.Project"/>). <c>--cycle</c>
/// projects all files in one call per pass, as one poll cycle, at the latest header time they share most
/// (the median), and also prints the time per cycle.</remarks>
internal static class ThroughputMode
{
    public static int Run(string[] args, TextWriter output)
    {
        string? dir = null;
        var seconds = 5.0;
        bool naive = false, cycle = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dir" when i + 1 < args.Length:
                    dir = args[++i];
                    break;
                case "--seconds" when i + 1 < args.Length && double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out seconds) && seconds > 0:
                    i++;
                    break;
                case "--naive":
                    naive = true;
                    break;
                case "--cycle":
                    cycle = true;
                    break;
                default:
                    output.WriteLine($"unknown or incomplete argument '{args[i]}'");
                    output.WriteLine("usage: throughput --dir DIR [--seconds N] [--naive] [--cycle]");
                    return 2;
            }
        }

        if (dir is null || !Directory.Exists(dir))
        {
            output.WriteLine("usage: throughput --dir DIR [--seconds N] [--naive] [--cycle]   (DIR must exist)");
            return 2;
        }

        var files = Directory.GetFiles(dir, "*.pb").Order(StringComparer.Ordinal).Select(Recordings.Load).ToArray();
        if (files.Length == 0)
        {
            output.WriteLine($"no .pb files in {dir}");
            return 2;
        }

        var names = Directory.GetFiles(dir, "*.pb").Order(StringComparer.Ordinal).Select(Path.GetFileNameWithoutExtension).ToArray();
        var pass = Pass(Recordings.FiDiProjector(), names!, files, naive, cycle);
        var inputBytes = files.Sum(f => (long)f.Payload.Length);

        // Warm-up: JIT tiers and caches settle before anything is counted.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed.TotalSeconds < Math.Max(1, seconds / 5))
        {
            pass();
        }

        var matched = pass();
        var passes = 0L;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var pausedBefore = GC.GetTotalPauseDuration();
        var timer = Stopwatch.StartNew();
        do
        {
            pass();
            passes++;
        }
        while (timer.Elapsed.TotalSeconds < seconds);

        timer.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var collections = string.Join('/', Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]));
        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        var bytes = passes * inputBytes;
        var megabytesPerSecond = bytes / 1e6 / timer.Elapsed.TotalSeconds;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(naive ? "naive typed parse" : "projection from the wire")}{(cycle ? ", one call per cycle" : string.Empty)}: {files.Length} files, {inputBytes} bytes, {passes} passes in {timer.Elapsed.TotalSeconds:F2} s, {timer.Elapsed.TotalMilliseconds / passes:F3} ms per pass, gen0/1/2 collections {collections}, GC pauses {paused.TotalMilliseconds:F0} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput: {megabytesPerSecond:F1} MB/s, {(double)allocated / bytes:F3} B allocated per input byte, {matched} stop updates matched"));
        return 0;
    }

    /// <summary>One pass over the files; returns the stop updates matched.</summary>
    private static Func<int> Pass(ArrivalProjector projector, string[] names, (byte[] Payload, DateTimeOffset HeaderTime)[] files, bool naive, bool cycle)
    {
        var feeds = names.Zip(files, (name, file) => (name, (ReadOnlyMemory<byte>)file.Payload)).ToArray();
        var cycleTime = files.Select(f => f.HeaderTime).Order().ElementAt(files.Length / 2);
        var stops = Recordings.FiDi.SelectMany(s => s.StopIds).SelectMany(id => new[] { id, id + "N", id + "S" }).ToHashSet(StringComparer.Ordinal);

        if (naive)
        {
            return () =>
            {
                var matched = 0;
                var parsed = new GtfsRealtimeFeed[files.Length];
                for (var i = 0; i < files.Length; i++)
                {
                    parsed[i] = GtfsRealtimeParser.ParseTripFeed(names[i], files[i].Payload);
                    matched += Matched(parsed[i], stops);
                    if (!cycle)
                    {
                        projector.Project([parsed[i]], files[i].HeaderTime);
                    }
                }

                if (cycle)
                {
                    projector.Project(parsed, cycleTime);
                }

                return matched;
            };
        }

        // Reports are how the wire path tells its matches; reused, so they cost nothing per pass.
        var reports = new WireReadReport[feeds.Length];
        var single = new (string, ReadOnlyMemory<byte>)[1];
        var singleReport = new WireReadReport[1];
        return () =>
        {
            var matched = 0;
            if (cycle)
            {
                projector.ProjectFromWireReporting(feeds, cycleTime, reports);
                foreach (var report in reports)
                {
                    matched += report.MatchedStops;
                }

                return matched;
            }

            for (var i = 0; i < feeds.Length; i++)
            {
                single[0] = feeds[i];
                projector.ProjectFromWireReporting(single, files[i].HeaderTime, singleReport);
                matched += singleReport[0].MatchedStops;
            }

            return matched;
        };
    }

    private static int Matched(GtfsRealtimeFeed feed, HashSet<string> stops)
    {
        var matched = 0;
        foreach (var update in feed.TripUpdates)
        {
            foreach (var stopTime in update.StopTimeUpdates)
            {
                matched += stopTime.StopId is { } id && stops.Contains(id) ? 1 : 0;
            }
        }

        return matched;
    }
}
