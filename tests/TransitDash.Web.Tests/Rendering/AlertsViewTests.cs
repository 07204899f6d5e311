using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.GtfsRealtime.Arrivals;
using TransitDash.Hosting.Rendering;
using TransitDash.Snapshots;
using TransitDash.Sources;

namespace TransitDash.Web.Tests.Rendering;

public sealed class AlertsViewTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_MixOfAlerts_ListsOnlyActiveOnesTouchingConfiguredLinesOrStations()
    {
        var alerts = new[]
        {
            Alert("on-4", route: "4"),
            Alert("on-5x-rider-5", route: "5X"),
            Alert("at-platform", stop: "419N"),
            Alert("at-parent", stop: "230"),
            Alert("trip-on-2", tripRoute: "2"),
            Alert("other-line", route: "G"),
            Alert("other-stop", stop: "A27N"),
            Alert("ended", route: "4", period: new AlertActivePeriod(Now.AddHours(-2), Now.AddHours(-1))),
            Alert("not-yet", route: "4", period: new AlertActivePeriod(Now.AddHours(1), null)),
            Alert("no-entities"),
        };

        var body = AlertsView.Build(Snapshot(new AlertBoard(alerts, Now)), Snapshot(Subway()), Now);

        Assert.Equal(["on-4", "on-5x-rider-5", "at-platform", "at-parent", "trip-on-2"], body.Data.Select(a => a.Id));
        var first = body.Data[0];
        Assert.Equal(("SIGNIFICANT_DELAYS", "TECHNICAL_PROBLEM", "Delays"), (first.Effect, first.Cause, first.AlertType));
        Assert.Equal(["4"], first.Routes);
        Assert.Equal(Now.AddMinutes(-10).ToUnixTimeSeconds(), first.ActivePeriods.Single().Start);
        Assert.Null(first.ActivePeriods.Single().End);
    }

    [Fact]
    public void Build_NoSubwaySnapshot_ListsNothingButStillAnswers()
    {
        var body = AlertsView.Build(Snapshot(new AlertBoard([Alert("on-4", route: "4")], Now)), subway: null, Now);

        Assert.True(body.Success);
        Assert.Empty(body.Data);
        Assert.Equal(0, body.StalenessSeconds);
    }

    private static SubwayBoard Subway()
    {
        // Lines at the configured stations are the ones arrivals carry (raw route and rider's name).
        var arrivals = new[]
        {
            new Arrival("4", "Wall St", "N", "4", "419N", Now.AddMinutes(3), "t1", "20261123", null, true, "1", null, false, "1234567S"),
            new Arrival("5", "Wall St", "S", "5X", "419S", Now.AddMinutes(5), "t2", "20261123", null, true, "2", null, false, "1234567S"),
            new Arrival("2", "Wall St", "S", "2", "230S", Now.AddMinutes(6), "t3", "20261123", null, true, "2", null, false, "1234567S"),
        };
        return new SubwayBoard(arrivals, [new SubwayStation("Wall St", ["419", "230"])], [], Now);
    }

    private static FeedSnapshot<T> Snapshot<T>(T data) =>
        new(data, new SnapshotMetadata("test") { LastSuccess = Now, Version = 1 });

    private static ServiceAlert Alert(string id, string? route = null, string? stop = null, string? tripRoute = null, AlertActivePeriod? period = null)
    {
        var entities = route is null && stop is null && tripRoute is null
            ? Array.Empty<InformedEntity>()
            : [new InformedEntity(null, route, null, null, tripRoute is null ? null : new TripDescriptor(null, tripRoute, null, null, null, TripScheduleRelationship.Scheduled, null, null, null), stop)];
        return new ServiceAlert(
            id,
            AlertCause.TechnicalProblem,
            AlertEffect.SignificantDelays,
            [period ?? new AlertActivePeriod(Now.AddMinutes(-10), null)],
            entities,
            "Header",
            "Description",
            null,
            "Delays",
            null);
    }
}
