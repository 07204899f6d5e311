using TransitDash.Feeds;

namespace TransitDash.Feeds.Tests.Errors;

public sealed class FeedErrorKindTests
{
    [Theory]
    [InlineData(FeedErrorKind.Timeout, "timeout")]
    [InlineData(FeedErrorKind.Dns, "dns")]
    [InlineData(FeedErrorKind.Connection, "connection")]
    [InlineData(FeedErrorKind.Http4xx, "http_4xx")]
    [InlineData(FeedErrorKind.Http5xx, "http_5xx")]
    [InlineData(FeedErrorKind.TooLarge, "too_large")]
    [InlineData(FeedErrorKind.BadContentType, "bad_content_type")]
    [InlineData(FeedErrorKind.BadPayload, "bad_payload")]
    [InlineData(FeedErrorKind.TimeBackwards, "time_backwards")]
    [InlineData(FeedErrorKind.FrozenFeed, "frozen_feed")]
    [InlineData(FeedErrorKind.CircuitOpen, "circuit_open")]
    [InlineData(FeedErrorKind.Cancelled, "cancelled")]
    public void ToWireName_EveryKind_IsTheFixedSnakeCaseName(FeedErrorKind kind, string expected)
    {
        Assert.Equal(expected, kind.ToWireName());
    }

    [Fact]
    public void FeedHttpException_Status503_IsHttp5xxWithRetryAfter()
    {
        var error = new FeedHttpException("ACE", System.Net.HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(7));

        Assert.Equal(FeedErrorKind.Http5xx, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Contains("ACE", error.Message, StringComparison.Ordinal);
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FeedHttpException_Status404_IsHttp4xx()
    {
        Assert.Equal(FeedErrorKind.Http4xx, new FeedHttpException("G", System.Net.HttpStatusCode.NotFound).Kind);
    }
}
