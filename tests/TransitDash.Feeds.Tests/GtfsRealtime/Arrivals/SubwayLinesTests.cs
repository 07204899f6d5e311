using TransitDash.Feeds.GtfsRealtime.Arrivals;

namespace TransitDash.Feeds.Tests.GtfsRealtime.Arrivals;

public sealed class SubwayLinesTests
{
    [Theory]
    [InlineData("5X", "5")]
    [InlineData("6X", "6")]
    [InlineData("7X", "7")]
    [InlineData("GS", "S")]
    [InlineData("FS", "S")]
    [InlineData("H", "S")]
    [InlineData("1", "1")]
    [InlineData("4", "4")]
    [InlineData("A", "A")]
    [InlineData("SI", "SI")]
    [InlineData("SS", "SS")]
    [InlineData("FX", "F")]
    [InlineData("X", "X")]
    [InlineData("gs", "gs")]
    [InlineData("", "")]
    public void RiderName_RouteId_IsTheNameRidersKnow(string routeId, string expected)
    {
        Assert.Equal(expected, SubwayLines.RiderName(routeId));
    }

    [Fact]
    public void RiderName_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => SubwayLines.RiderName(null!));
    }
}
