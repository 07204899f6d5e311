using TransitDash.Feeds.Http.Internal;

namespace TransitDash.Feeds.Tests.Http;

public sealed class BoundedBodyTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static MemoryStream Body(int length) => new([.. Enumerable.Range(0, length).Select(i => (byte)i)]);

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public async Task ReadAsync_DeclaredLength_ReadsExactlyTheBody(int length)
    {
        var body = await BoundedBody.ReadAsync(Body(length), length, limit: 1000, "ACE", Cancel);

        Assert.Equal(Body(length).ToArray(), body);
    }

    [Theory]
    [InlineData(300, 100)]
    [InlineData(50, 100)]
    public async Task ReadAsync_BodyNotOfTheDeclaredLength_IsWhatArrived(int length, long declared)
    {
        // A file can grow or shrink between the length it declared and its reading.
        var body = await BoundedBody.ReadAsync(Body(length), declared, limit: 1000, "ACE", Cancel);

        Assert.Equal(Body(length).ToArray(), body);
    }

    [Fact]
    public async Task ReadAsync_LongerThanDeclaredAndOverTheCap_IsTooLarge()
    {
        await Assert.ThrowsAsync<FeedTooLargeException>(() => BoundedBody.ReadAsync(Body(300), declaredLength: 100, limit: 200, "ACE", Cancel));
    }

    [Fact]
    public async Task ReadAsync_UndeclaredBodyGrowingPastItsFirstBuffer_IsReadWhole()
    {
        var body = await BoundedBody.ReadAsync(Body(200_000), declaredLength: null, limit: 200_000, "ACE", Cancel);

        Assert.Equal(Body(200_000).ToArray(), body);
    }
}
