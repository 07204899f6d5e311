using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Feeds.Http;
using TransitDash.Options;
using TransitDash.Sources;

namespace TransitDash.Polling;

/// <summary>Every source the poller keeps fresh: the built-in ones whose sections are present (subway,
/// bikes, alerts, in that order), then the registered ones.</summary>
internal sealed class SourceSet
{
    private readonly PollingServices _services;

    public SourceSet(
        IOptions<TransitDashOptions> options,
        IEnumerable<SourceRegistration> registrations,
        PollingServices services,
        IServiceProvider serviceProvider)
    {
        _services = services;
        var o = options.Value;
        var refreshers = new List<ISourceRefresher>();
        var loggerFactory = serviceProvider.GetService<ILoggerFactory>();

        if (o.Subway is { } subway)
        {
            var source = new SubwaySource(
                subway,
                o.Resilience,
                o.Health.ErrorAfter,
                serviceProvider.GetRequiredService<IGtfsRealtimeClient>(),
                serviceProvider.GetRequiredService<IFeedClient>(),
                catalog => new ArrivalProjection(new ArrivalProjector(
                    new ArrivalProjectorOptions
                    {
                        Stations = subway.Stations
                            .Select(s => new SubwayStation(string.IsNullOrWhiteSpace(s.Name) ? null : s.Name, s.StopIds.ToArray()))
                            .ToArray(),
                        Horizon = TimeSpan.FromMinutes(subway.HorizonMinutes),
                    },
                    catalog,
                    loggerFactory?.CreateLogger<ArrivalProjector>())),
                services.Pipelines,
                services.TimeProvider,
                services.Logger);
            refreshers.Add(Create(source, "Subway", "MTA"));
        }

        if (o.Citibike is { } citibike)
        {
            var source = new CitibikeSource(citibike, o.Resilience, serviceProvider.GetRequiredService<IGbfsClient>(), services.Pipelines, services.Logger);
            refreshers.Add(Create(source, "Citibike", "Citibike"));
        }

        if (o.AlertsEnabled)
        {
            var source = new AlertsSource(o.Alerts!, o.Resilience, o.Health.ErrorAfter, serviceProvider.GetRequiredService<IGtfsRealtimeClient>(), services.Pipelines);
            refreshers.Add(Create(source, "Alerts", "Alerts"));
        }

        foreach (var registration in registrations)
        {
            refreshers.Add(registration.Create(serviceProvider, this));
        }

        Refreshers = refreshers;
    }

    public IReadOnlyList<ISourceRefresher> Refreshers { get; }

    /// <summary>Makes the refresher of a source.</summary>
    /// <param name="source">The source.</param>
    /// <param name="title">How log lines name it ("Subway").</param>
    /// <param name="scheduleLabel">How the scheduler line names it ("MTA").</param>
    public ISourceRefresher Create<T>(IPolledSource<T> source, string title, string scheduleLabel) =>
        new SourceRefresher<T>(source, title, scheduleLabel, _services);
}
