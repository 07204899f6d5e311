using System.Text.Json.Nodes;
using TransitDash.Testing;

namespace TransitDash.Web.Tests.Support;

/// <summary>A train of the 2019-09-15 recordings at a configured FiDi station, read off the feeds by hand
/// (protoc --decode_raw): what /api/subway must list for it.</summary>
internal sealed record ExpectedArrival(
    string Line,
    string Station,
    string Direction,
    string StopId,
    long ArrivalTime,
    string Track,
    string TrainId,
    bool? IsAssigned,
    bool Stalled,
    string Feed,
    string TripId)
{
    /// <summary>A spread of trains: every line at the FiDi stations, both directions, an actual track of the B
    /// division, a train with no assignment flag, one explicitly unassigned, and one stalled (its vehicle last
    /// moved at 00:58:09Z, 171 s before its feed's header time).</summary>
    public static readonly IReadOnlyList<ExpectedArrival> Recorded2019 =
    [
        new("4", "Wall St", "N", "419N", 1568505851, "3", "04 1946+ UTI/WDL", true, false, "1234567S", "118650_4..N06R"),
        new("2", "Wall St", "S", "230S", 1568506256, "2", "02 1913  GHW/UTI", true, false, "1234567S", "115300_2..S08X612"),
        new("J", "Broad St", "N", "M23N", 1568505960, "R2", "1J 2006 BRD/P-A", null, false, "JZ", "120600_J..N"),
        new("J", "Broad St", "S", "M23S", 1568505993, "R1", "1J 1911 P-A/BRD", true, false, "JZ", "115101_J..S"),
        new("1", "South Ferry", "N", "142N", 1568506020, "1", "01 2007  SFT/137", true, false, "1234567S", "120700_1..N12R"),
        new("R", "Whitehall St", "S", "R27S", 1568506211, "B1", "1R 1918 CTL/95S", true, false, "NQRW", "115800_R..S"),
        new("5", "Bowling Green", "N", "420N", 1568506170, "3", "05 2009+ BWG/DYR", false, false, "1234567S", "120950_5..N75R"),
        new("1", "Rector St", "S", "139S", 1568507940, "1", "01 2002  137/SFT", true, true, "1234567S", "120200_1..S12R"),
    ];

    /// <summary>Finds this train in a /api/subway body and checks every field; its minutes must be those at a
    /// clock between ClockStart and ClockStart plus <paramref name="clockElapsedAtMost"/>.</summary>
    public void AssertListedIn(JsonArray data, TimeSpan clockElapsedAtMost)
    {
        var found = data.Where(a => (string?)a!["trip_id"] == TripId && (string?)a["stop_id"] == StopId).ToList();
        Assert.True(found.Count == 1, $"{this} is listed {found.Count} times");
        var arrival = found[0]!;
        Assert.Equal(Line, (string?)arrival["line"]);
        Assert.Equal(Station, (string?)arrival["station"]);
        Assert.Equal(Direction, (string?)arrival["direction"]);
        Assert.Equal(ArrivalTime, (long?)arrival["arrival_time"]);
        Assert.Equal(ArrivalTime, (long?)arrival["timestamp"]);
        Assert.Equal(Track, (string?)arrival["track"]);
        Assert.Equal(TrainId, (string?)arrival["train_id"]);
        Assert.Equal(IsAssigned, (bool?)arrival["is_assigned"]);
        Assert.Equal(Stalled, (bool?)arrival["stalled"]);
        Assert.Equal(Feed, (string?)arrival["feed"]);

        var latest = (ArrivalTime - RecordedUpstream.MomentSeconds) / 60;
        var earliest = (long)Math.Floor((ArrivalTime - RecordedUpstream.MomentSeconds - clockElapsedAtMost.TotalSeconds) / 60);
        var minutes = (long?)arrival["minutes_until"];
        Assert.True(minutes >= Math.Max(0, earliest) && minutes <= latest, $"{Line} at {Station} {Direction}: minutes_until {minutes}, expected {earliest}..{latest}");
    }
}
