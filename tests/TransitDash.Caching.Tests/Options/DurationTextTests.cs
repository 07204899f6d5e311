using TransitDash.Options;

namespace TransitDash.Caching.Tests.Options;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("90s", 90_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("24h", 86_400_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("250ms", 250)]
    [InlineData("00:00:30", 30_000)]
    [InlineData("01:30:00", 5_400_000)]
    [InlineData(" 30S ", 30_000)]
    [InlineData("-5s", -5_000)]
    [InlineData("0s", 0)]
    public void TryParse_ConfigurationForms_ReadsTheDuration(string text, long milliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("s")]
    [InlineData("thirty seconds")]
    [InlineData("5x")]
    [InlineData("1.2.3s")]
    [InlineData("1,5s")]
    [InlineData("99999999999999999999999d")]
    public void TryParse_NotADuration_ReturnsFalse(string? text)
    {
        Assert.False(DurationText.TryParse(text, out _));
    }

    [Theory]
    [InlineData(30_000, "30s")]
    [InlineData(90_000, "90s")]
    [InlineData(180_000, "180s")]
    [InlineData(60_000, "60s")]
    [InlineData(300_000, "5m")]
    [InlineData(1_500, "1.5s")]
    [InlineData(250, "250ms")]
    [InlineData(86_400_000, "24h")]
    [InlineData(-5_000, "-5s")]
    [InlineData(0, "0s")]
    public void Format_Duration_WritesTheShortestFormThatReadsBack(long milliseconds, string expected)
    {
        var value = TimeSpan.FromMilliseconds(milliseconds);

        var text = DurationText.Format(value);

        Assert.Equal(expected, text);
        Assert.True(DurationText.TryParse(text, out var back));
        Assert.Equal(value, back);
    }

    [Fact]
    public void Format_Extremes_WritesWithoutThrowing()
    {
        Assert.EndsWith("s", DurationText.Format(TimeSpan.MinValue), StringComparison.Ordinal);
        Assert.EndsWith("s", DurationText.Format(TimeSpan.MaxValue), StringComparison.Ordinal);
    }
}
