// A consumer of the TransitDash packages, as a reader of their READMEs would write it: configure the
// subway section, call AddTransitDash, run the host, read the first arrival from the snapshot store.
// The configuration (a feed URL, a station, ClockStart) comes from the command line.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TransitDash;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Snapshots;
using TransitDash.Sources;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddTransitDash(builder.Configuration.GetSection("TransitDash"));

using var host = builder.Build();
var store = host.Services.GetRequiredService<SnapshotStore>();
using var changes = store.Subscribe();
await host.StartAsync();

using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
Arrival? arrival;
try
{
    while ((arrival = FirstArrival(store)) is null)
    {
        await changes.Reader.ReadAsync(deadline.Token);
    }
}
catch (OperationCanceledException)
{
    arrival = null;
    Console.Error.WriteLine("No arrival within 60 seconds; the subway source says: " + store.GetMetadata(TransitDashSources.Subway));
}

await host.StopAsync();
if (arrival is null)
{
    return 1;
}

Console.WriteLine($"ARRIVAL {arrival.Line} {arrival.Direction} {arrival.Station} {arrival.ArrivalTime:O}");
return 0;

static Arrival? FirstArrival(SnapshotStore store) =>
    store.Get<SubwayBoard>(TransitDashSources.Subway)?.Data?.Arrivals.FirstOrDefault();
