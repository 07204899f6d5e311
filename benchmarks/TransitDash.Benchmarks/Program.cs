using BenchmarkDotNet.Running;
using TransitDash.Benchmarks;

// "throughput" is a plain timed loop for side-by-side runs with other tools; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "throughput")
{
    return ThroughputMode.Run(args[1..], Console.Out);
}

// "soak" runs the real poller against the demo upstream for many cycles and reports memory after the first and the last.
if (args.Length > 0 && args[0] == "soak")
{
    return await SoakMode.RunAsync(args[1..], Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(Recordings).Assembly).Run(args);
return 0;
