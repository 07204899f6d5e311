using System.Text.Json.Nodes;
using TransitDash.ConsoleHost.Recording;
using TransitDash.ConsoleHost.Tests.Support;
using TransitDash.Feeds.Http;
using TransitDash.Testing;

namespace TransitDash.ConsoleHost.Tests.Recording;

public sealed class RecordingWriterTests : IDisposable
{
    private static readonly DateTimeOffset First = new(2019, 9, 15, 0, 1, 20, 123, TimeSpan.Zero);

    private readonly TempDirectory folder = new();
    private readonly RecordingWriter writer;

    public RecordingWriterTests() => writer = new RecordingWriter(folder.FullPath, ["ACE", "N/Q"], alerts: true, citibike: true);

    public void Dispose()
    {
        writer.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task WriteAsync_SubwayFeeds_OneFilePerPayloadNamedInTimeOrderWithASidecar()
    {
        await Write("ACE", "http://upstream.test/ace?key=secret", First.AddSeconds(30), [3]);
        await Write("ACE", "http://upstream.test/ace?key=secret", First, [1, 2]);
        await Write("N/Q", "http://upstream.test/nq", First, [4]);

        Assert.Equal(["20190915T000120123Z.pb", "20190915T000150123Z.pb"], Payloads.In(folder.PathOf("subway/ACE")));
        Assert.Equal(new byte[] { 1, 2 }, File.ReadAllBytes(folder.PathOf("subway/ACE/20190915T000120123Z.pb")));
        Assert.Equal(["20190915T000120123Z.pb"], Payloads.In(folder.PathOf("subway/N%2FQ")));
        var sidecar = JsonNode.Parse(File.ReadAllText(folder.PathOf("subway/ACE/20190915T000120123Z.pb.meta.json")))!;
        Assert.Equal(First, sidecar["received_at"]!.GetValue<DateTimeOffset>());
        Assert.Equal("subway", sidecar["source"]!.GetValue<string>());
        Assert.Equal("http://upstream.test/ace", sidecar["url"]!.GetValue<string>());
        Assert.Equal("\"v1\"", sidecar["headers"]!["ETag"]!.GetValue<string>());
        Assert.Equal(2, sidecar["bytes"]!.GetValue<long>());
        Assert.Equal(3, writer.Payloads);
        Assert.Empty(Directory.GetFiles(folder.FullPath, ".*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task WriteAsync_GbfsFetches_EachFetchIsASnapshotFolderOfDocumentsUnderTheirOwnNames()
    {
        await Write("citibike/gbfs", "http://upstream.test/gbfs/gbfs.json", First, [1]);
        await Write("citibike/station_information", "http://upstream.test/gbfs/en/station_information.json", First.AddMilliseconds(5), [2]);
        await Write("citibike/station_status", "http://upstream.test/gbfs/en/station_status.json", First.AddMilliseconds(6), [3]);
        await Write("citibike/station_status", "http://upstream.test/gbfs/en/station_status.json", First.AddSeconds(60), [4]);
        await Write("citibike/station_information", "http://upstream.test/gbfs/en/station_information.json", First.AddSeconds(60), [5]);

        var snapshots = Directory.GetDirectories(folder.PathOf("citibike")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["20190915T000120123Z", "20190915T000220123Z"], snapshots);
        Assert.Equal(["gbfs.json", "station_information.json", "station_status.json"], Payloads.In(folder.PathOf("citibike/20190915T000120123Z")));
        Assert.Equal(["station_information.json", "station_status.json"], Payloads.In(folder.PathOf("citibike/20190915T000220123Z")));
        Assert.Equal(new byte[] { 4 }, File.ReadAllBytes(folder.PathOf("citibike/20190915T000220123Z/station_status.json")));
    }

    [Fact]
    public async Task WriteAsync_NotModifiedOrUnrecordedFeed_WritesNothing()
    {
        await Write("ACE", "http://upstream.test/ace", First, [], notModified: true);
        await Write("static-gtfs", "http://upstream.test/stops.txt", First, [1]);
        await Write("G", "http://upstream.test/g", First, [1]);

        Assert.Empty(Directory.GetFileSystemEntries(folder.FullPath));
        Assert.Equal(0, writer.Payloads);
    }

    [Fact]
    public async Task WriteAsync_AWriteFails_StopsSaysWhyAndKeepsWhatWasWritten()
    {
        await Write("ACE", "http://upstream.test/ace", First, [1]);
        await File.WriteAllTextAsync(folder.PathOf("alerts"), "in the way", TestContext.Current.CancellationToken);

        await Write("alerts", "http://upstream.test/alerts", First.AddSeconds(1), [2]);
        await Write("ACE", "http://upstream.test/ace", First.AddSeconds(30), [3]);

        Assert.True(writer.Stopped.IsCompleted);
        Assert.StartsWith("could not write alerts/20190915T000121123Z.pb: ", await writer.Stopped, StringComparison.Ordinal);
        Assert.Equal(["20190915T000120123Z.pb"], Payloads.In(folder.PathOf("subway/ACE")));
        Assert.Equal(1, writer.Payloads);
    }

    [Fact]
    public void Describe_FullDisk_SaysTheDiskIsFull()
    {
        if (!File.Exists("/dev/full"))
        {
            Requirements.Missing("/dev/full (a device whose writes fail with ENOSPC) is not on this machine");
        }

        var error = Assert.ThrowsAny<IOException>(() => File.WriteAllBytes("/dev/full", new byte[4096]));

        Assert.Equal("the disk is full (writing subway/ACE/x.pb)", RecordingWriter.Describe(error, "subway/ACE/x.pb"));
    }

    private Task Write(string feed, string url, DateTimeOffset at, byte[] body, bool notModified = false) =>
        writer.WriteAsync(
            new FeedRequest(feed, url),
            new FeedResponse(feed, notModified ? 304 : 200, notModified, body, "application/octet-stream", "\"v1\"", null, at, TimeSpan.FromMilliseconds(12.34), new Dictionary<string, string> { ["ETag"] = "\"v1\"" }, null));
}
