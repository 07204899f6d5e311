using System.Text;
using TransitDash.Feeds.Http;
using TransitDash.Testing;

namespace TransitDash.Feeds.Tests.Http;

public sealed class FeedClientRecordingTests : IDisposable
{
    private readonly TempDirectory temp = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task GetAsync_LocalPath_ReadsTheFile()
    {
        var file = temp.Write("ace.pb", [1, 2, 3]);
        using var services = FeedClientHost.Create();

        var response = await services.FeedClient().GetAsync(new FeedRequest("ACE", file), Cancel);

        Assert.Equal(200, response.StatusCode);
        Assert.False(response.NotModified);
        Assert.Equal(new byte[] { 1, 2, 3 }, response.Body.ToArray());
        Assert.Equal(file, response.SourceFile);
    }

    [Fact]
    public async Task GetAsync_FileUrl_ReadsTheFile()
    {
        var file = temp.Write("ace.pb", [4, 5]);
        using var services = FeedClientHost.Create();

        var response = await services.FeedClient().GetAsync(new FeedRequest("ACE", new Uri(file).AbsoluteUri), Cancel);

        Assert.Equal(new byte[] { 4, 5 }, response.Body.ToArray());
        Assert.Equal(file, response.SourceFile);
    }

    [Fact]
    public async Task GetAsync_Directory_ReplaysFilesInNameOrderSkippingSidecarsThenRepeatsTheLast()
    {
        temp.Write("gtfs-ace-20251002T142050Z.pb", "second");
        temp.Write("gtfs-ace-20251002T142020Z.pb", "first");
        temp.Write("gtfs-ace-20251002T142020Z.pb.meta.json", "{}");
        temp.Write("gtfs-ace-20251002T142120Z.pb", "third");
        temp.Write("gtfs-ace-20251002T142120Z.pb.meta.json", "{}");
        using var services = FeedClientHost.Create();
        var client = services.FeedClient();

        var bodies = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.GetAsync(new FeedRequest("ACE", temp.FullPath), Cancel);
            bodies.Add(Encoding.UTF8.GetString(response.Body.Span));
        }

        Assert.Equal(["first", "second", "third", "third", "third"], bodies);
    }

    [Fact]
    public async Task GetAsync_TwoFeedsOnOneDirectory_EachReplaysFromTheStart()
    {
        temp.Write("a.pb", "a");
        temp.Write("b.pb", "b");
        using var services = FeedClientHost.Create();
        var client = services.FeedClient();

        await client.GetAsync(new FeedRequest("ACE", temp.FullPath), Cancel);
        var other = await client.GetAsync(new FeedRequest("G", temp.FullPath), Cancel);

        Assert.Equal("a", Encoding.UTF8.GetString(other.Body.Span));
    }

    [Fact]
    public async Task GetAsync_MissingFile_IsConnectionErrorNamingTheFile()
    {
        var missing = Path.Combine(temp.FullPath, "gtfs-g.pb");
        using var services = FeedClientHost.Create();

        var error = await Assert.ThrowsAsync<FeedException>(() => services.FeedClient().GetAsync(new FeedRequest("G", missing), Cancel));

        Assert.Equal(FeedErrorKind.Connection, error.Kind);
        Assert.Equal("G", error.FeedName);
        Assert.Contains("file not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("gtfs-g.pb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_DirectoryWithOnlySidecars_IsConnectionError()
    {
        temp.Write("a.pb.meta.json", "{}");
        using var services = FeedClientHost.Create();

        var error = await Assert.ThrowsAsync<FeedException>(() => services.FeedClient().GetAsync(new FeedRequest("G", temp.FullPath), Cancel));

        Assert.Equal(FeedErrorKind.Connection, error.Kind);
        Assert.Contains("no recordings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_FileOverCap_IsTooLarge()
    {
        var file = temp.Write("big.pb", new byte[1001]);
        using var services = FeedClientHost.Create();

        var error = await Assert.ThrowsAsync<FeedTooLargeException>(() =>
            services.FeedClient().GetAsync(new FeedRequest("ACE", file) { MaxResponseBytes = 1000 }, Cancel));

        Assert.Equal(1000, error.LimitBytes);
    }

    [Fact]
    public async Task GetAsync_FileOfExactlyTheCap_IsRead()
    {
        var file = temp.Write("edge.pb", new byte[1000]);
        using var services = FeedClientHost.Create();

        var response = await services.FeedClient().GetAsync(new FeedRequest("ACE", file) { MaxResponseBytes = 1000 }, Cancel);

        Assert.Equal(1000, response.Body.Length);
    }
}
