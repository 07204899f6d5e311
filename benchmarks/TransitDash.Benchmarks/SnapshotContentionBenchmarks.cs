using BenchmarkDotNet.Attributes;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Snapshots;

namespace TransitDash.Benchmarks;

/// <summary>Readers of <see cref="SnapshotStore"/> while one writer publishes as fast as it can (the worst case:
/// a real poller writes every few seconds), against the same readers with no writer. Each reader takes the
/// subway snapshot and reads its arrivals; the time is per read.</summary>
/// <remarks>Allocation figures include the writer's: every publish builds a new snapshot.</remarks>
[MemoryDiagnoser]
public class SnapshotContentionBenchmarks
{
    private const int ReadsPerReader = 100_000;
    private const string Source = "subway";

    private readonly SnapshotStore _store = new(TimeProvider.System);
    private IReadOnlyList<Arrival>[] _boards = [];
    private Thread? _writer;
    private volatile bool _stop;

    /// <summary>How many threads read at once.</summary>
    [Params(1, 2, 4)]
    public int Readers { get; set; }

    /// <summary>Whether the writer publishes during the reads.</summary>
    [Params(false, true)]
    public bool Writer { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Two real boards (the 8-feed cycle an hour apart) so the writer alternates between real data.
        var projector = Recordings.FiDiProjector();
        var feeds = Recordings.Mta("-20251002T").Select(f => (Path.GetFileName(f), (ReadOnlyMemory<byte>)File.ReadAllBytes(f))).ToArray();
        var now = DateTimeOffset.FromUnixTimeSeconds(1_759_414_820);
        _boards = [projector.ProjectFromWire(feeds, now).Arrivals, projector.ProjectFromWire(feeds, now.AddMinutes(10)).Arrivals];
        _store.Set(Source, _boards[0]);

        if (Writer)
        {
            _writer = new Thread(Write) { IsBackground = true, Name = "snapshot writer" };
            _writer.Start();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stop = true;
        _writer?.Join();
    }

    [Benchmark(OperationsPerInvoke = ReadsPerReader)]
    public int Read()
    {
        if (Readers == 1)
        {
            return ReadMany();
        }

        var totals = new int[Readers];
        Parallel.For(0, Readers, new ParallelOptions { MaxDegreeOfParallelism = Readers }, r => totals[r] = ReadMany());
        return totals.Sum();
    }

    private int ReadMany()
    {
        var total = 0;
        for (var i = 0; i < ReadsPerReader; i++)
        {
            total += _store.Get<IReadOnlyList<Arrival>>(Source)!.Data!.Count;
        }

        return total;
    }

    private void Write()
    {
        for (var i = 0; !_stop; i++)
        {
            _store.Set(Source, _boards[i & 1]);
        }
    }
}
