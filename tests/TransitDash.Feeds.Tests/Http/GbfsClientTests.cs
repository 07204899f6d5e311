using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TransitDash.Feeds.Http;
using TransitDash.Testing;
using TransitDash.Simulator.Upstream;

namespace TransitDash.Feeds.Tests.Http;

public sealed class GbfsClientTests : IAsyncLifetime
{
    private const string V23Prefix = "/gbfs/2.3/bkn";
    private const string V30Prefix = "/gbfs/3.0/bkn";
    private const string V11Prefix = "/v1.1";

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 9, 29, 19, 40, 45, TimeSpan.Zero));
    private LoopbackUpstream upstream = null!;
    private ServiceProvider services = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IGbfsClient Client => services.GetRequiredService<IGbfsClient>();

    public async ValueTask InitializeAsync()
    {
        upstream = await LoopbackUpstream.StartAsync(Cancel);
        services = FeedClientHost.Create(timeProvider: time);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await upstream.DisposeAsync();
    }

    [Fact]
    public async Task FetchAsync_V23Discovery_ReadsOnlyTheThreeJoinedFeeds()
    {
        var discoveryUrl = MapRecordedSystem("v2.3", V23Prefix, "/en");

        var result = await Client.FetchAsync(new GbfsSource("citibike", discoveryUrl), Cancel);

        Assert.NotNull(result.System);
        Assert.Equal("2.3", result.System.Version);
        Assert.Equal(10, result.System.Stations.Count);
        Assert.All(result.System.Stations, s => Assert.NotNull(s.Status));
        Assert.Equal(2, result.System.VehicleTypes.Count);
        Assert.Equal(
            [$"{V23Prefix}/en/station_information.json", $"{V23Prefix}/en/station_status.json", $"{V23Prefix}/en/vehicle_types.json", $"{V23Prefix}/gbfs.json"],
            upstream.Requests.Select(r => r.Path).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["citibike/gbfs", "citibike/station_information", "citibike/station_status", "citibike/vehicle_types"],
            result.Responses.Select(r => r.FeedName));
    }

    [Fact]
    public async Task FetchAsync_V30Discovery_JoinsLocalizedNames()
    {
        var discoveryUrl = MapRecordedSystem("v3.0", V30Prefix, string.Empty);

        var result = await Client.FetchAsync(new GbfsSource("citibike", discoveryUrl), Cancel);

        Assert.Equal("3.0", result.System!.Version);
        Assert.Equal(10, result.System.Stations.Count);
        Assert.All(result.System.Stations, s => Assert.False(string.IsNullOrEmpty(s.Name)));
        Assert.Equal(4, upstream.Requests.Count);
    }

    [Fact]
    public async Task FetchAsync_V11WithoutVehicleTypes_JoinsInformationAndStatus()
    {
        var discoveryUrl = MapV11System();

        var result = await Client.FetchAsync(new GbfsSource("citibike", discoveryUrl), Cancel);

        Assert.Equal(2208, result.System!.Stations.Count);
        Assert.Empty(result.System.VehicleTypes);
        Assert.Equal(3, upstream.Requests.Count);
    }

    [Fact]
    public async Task FetchAsync_NothingChanged_EveryDocumentAnswers304AndNothingIsParsed()
    {
        var source = new GbfsSource("citibike", MapRecordedSystem("v2.3", V23Prefix, "/en"));
        await Client.FetchAsync(source, Cancel);
        upstream.ClearRequests();

        var second = await Client.FetchAsync(source, Cancel);

        Assert.True(second.NotModified);
        Assert.Null(second.System);
        Assert.Equal(3, upstream.Requests.Count);
        Assert.All(upstream.Requests, r => Assert.NotNull(r.Header("If-None-Match")));
        Assert.All(upstream.Requests, r => Assert.Equal(304, r.ResponseStatusCode));
        Assert.Equal(0, upstream.RequestCount($"{V23Prefix}/gbfs.json"));
    }

    [Fact]
    public async Task FetchAsync_OnlyStatusChanged_RejoinsWithTheCachedInformation()
    {
        var source = new GbfsSource("citibike", MapV11System());
        var first = await Client.FetchAsync(source, Cancel);
        upstream.Map($"{V11Prefix}/en/station_status.json", UpstreamBehavior.Serve(Json("citibike/v1.1/station_status-20240312T223650Z.json", "\"status-2\"")));
        upstream.ClearRequests();

        var second = await Client.FetchAsync(source, Cancel);

        Assert.Equal(304, Assert.Single(upstream.RequestsTo($"{V11Prefix}/en/station_information.json")).ResponseStatusCode);
        Assert.Equal(200, Assert.Single(upstream.RequestsTo($"{V11Prefix}/en/station_status.json")).ResponseStatusCode);
        Assert.NotNull(second.System);
        Assert.Equal(2208, second.System.Stations.Count);
        Assert.Equal(first.System!.Stations.Select(s => s.Name), second.System.Stations.Select(s => s.Name));
        Assert.NotEqual(first.System.LastUpdated, second.System.LastUpdated);
    }

    [Fact]
    public async Task FetchAsync_DiscoveryUnderAnHourOld_IsNotReadAgain()
    {
        var source = new GbfsSource("citibike", MapRecordedSystem("v2.3", V23Prefix, "/en"));
        await Client.FetchAsync(source, Cancel);

        time.Advance(TimeSpan.FromMinutes(59));
        await Client.FetchAsync(source, Cancel);

        Assert.Equal(1, upstream.RequestCount($"{V23Prefix}/gbfs.json"));
    }

    [Fact]
    public async Task FetchAsync_DiscoveryOverAnHourOld_IsReadAgainConditionally()
    {
        var source = new GbfsSource("citibike", MapRecordedSystem("v2.3", V23Prefix, "/en"));
        await Client.FetchAsync(source, Cancel);

        time.Advance(TimeSpan.FromMinutes(61));
        var result = await Client.FetchAsync(source, Cancel);

        var rereads = upstream.RequestsTo($"{V23Prefix}/gbfs.json");
        Assert.Equal(2, rereads.Count);
        Assert.Equal("\"gbfs.json-1\"", rereads[1].Header("If-None-Match"));
        Assert.True(result.NotModified);
        Assert.True(result.Responses[0].NotModified);
    }

    [Fact]
    public async Task FetchAsync_ListedFeedAnswers404_ReadsDiscoveryAgainAndFollowsTheMove()
    {
        var source = new GbfsSource("citibike", MapRecordedSystem("v2.3", V23Prefix, "/en"));
        await Client.FetchAsync(source, Cancel);

        // The upstream moves its feeds and says so in a new discovery document.
        MapRecordedSystem("v2.3", "/moved", "/en");
        upstream.Map($"{V23Prefix}/gbfs.json", UpstreamBehavior.Serve(new UpstreamPayload(RecordedDiscovery("v2.3", "/moved"), "application/json") { ETag = "\"gbfs-moved\"" }));
        upstream.Unmap($"{V23Prefix}/en/station_status.json");

        var result = await Client.FetchAsync(source, Cancel);

        Assert.NotNull(result.System);
        Assert.Equal(2, upstream.RequestCount($"{V23Prefix}/gbfs.json"));
        Assert.Null(upstream.RequestsTo($"{V23Prefix}/gbfs.json")[1].Header("If-None-Match"));
        Assert.Equal(1, upstream.RequestCount("/moved/en/station_status.json"));
    }

    [Fact]
    public async Task FetchAsync_FeedStill404AfterNewDiscovery_IsHttp4xx()
    {
        var source = new GbfsSource("citibike", MapRecordedSystem("v2.3", V23Prefix, "/en"));
        await Client.FetchAsync(source, Cancel);
        upstream.Unmap($"{V23Prefix}/en/station_status.json");

        var error = await Assert.ThrowsAsync<FeedHttpException>(() => Client.FetchAsync(source, Cancel));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("citibike/station_status", error.FeedName);
        Assert.Equal(2, upstream.RequestCount($"{V23Prefix}/gbfs.json"));
    }

    [Fact]
    public async Task FetchAsync_DiscoveryWithoutStationStatus_IsBadPayload()
    {
        upstream.Map("/gbfs.json", UpstreamBehavior.Serve(Encoding.UTF8.GetBytes(V11Discovery("/v1.1", includeStatus: false)), "application/json"));

        var error = await Assert.ThrowsAsync<FeedPayloadException>(() => Client.FetchAsync(new GbfsSource("citibike", upstream.Url("/gbfs.json")), Cancel));

        Assert.Equal(FeedErrorKind.BadPayload, error.Kind);
        Assert.Contains("station_status", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_NetworkDiscoveryListsAFile_IsRefused()
    {
        var discovery = V11Discovery("/v1.1").Replace(upstream.Url("/v1.1/en/station_status.json"), "file:///etc/passwd", StringComparison.Ordinal);
        upstream.Map("/gbfs.json", UpstreamBehavior.Serve(Encoding.UTF8.GetBytes(discovery), "application/json"));

        var error = await Assert.ThrowsAsync<FeedPayloadException>(() => Client.FetchAsync(new GbfsSource("citibike", upstream.Url("/gbfs.json")), Cancel));

        Assert.Contains("file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_HtmlInsteadOfStatus_IsBadContentType()
    {
        var discoveryUrl = MapRecordedSystem("v2.3", V23Prefix, "/en");
        upstream.Map($"{V23Prefix}/en/station_status.json", UpstreamBehavior.HtmlPage());

        var error = await Assert.ThrowsAsync<FeedPayloadException>(() => Client.FetchAsync(new GbfsSource("citibike", discoveryUrl), Cancel));

        Assert.Equal(FeedErrorKind.BadContentType, error.Kind);
        Assert.Equal("citibike/station_status", error.FeedName);
    }

    [Fact]
    public async Task FetchAsync_StatusIsNotJson_IsBadPayloadNamingThatDocument()
    {
        var discoveryUrl = MapRecordedSystem("v2.3", V23Prefix, "/en");
        upstream.Map($"{V23Prefix}/en/station_status.json", UpstreamBehavior.Serve("{\"data\": {\"stations\": ["u8.ToArray(), "application/json"));

        var error = await Assert.ThrowsAsync<FeedPayloadException>(() => Client.FetchAsync(new GbfsSource("citibike", discoveryUrl), Cancel));

        Assert.Equal(FeedErrorKind.BadPayload, error.Kind);
        Assert.Equal("citibike/station_status", error.FeedName);
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("application/x-protobuf")]
    public async Task FetchAsync_StatusOfAnotherFormat_IsBadContentType(string contentType)
    {
        var discoveryUrl = MapRecordedSystem("v2.3", V23Prefix, "/en");
        upstream.Map($"{V23Prefix}/en/station_status.json", UpstreamBehavior.Serve(Fixtures.Bytes("citibike/v2.3/station_status.json"), contentType));

        var error = await Assert.ThrowsAsync<FeedPayloadException>(() => Client.FetchAsync(new GbfsSource("citibike", discoveryUrl), Cancel));

        Assert.Equal(FeedErrorKind.BadContentType, error.Kind);
        Assert.Contains(contentType, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v2.3", true)]
    [InlineData("v3.0", true)]
    [InlineData("v2.3", false)]
    public async Task FetchAsync_RecordedFolder_ReadsEachListedFeedFromTheFileOfTheSameName(string version, bool discoveryAsFolder)
    {
        using var folder = new TempDirectory();
        foreach (var name in new[] { "gbfs.json", "station_information.json", "station_status.json", "vehicle_types.json" })
        {
            folder.Write(name, Fixtures.Bytes($"citibike/{version}/{name}"));
        }

        var discoveryUrl = discoveryAsFolder ? folder.FullPath : new Uri(Path.Combine(folder.FullPath, "gbfs.json")).AbsoluteUri;

        var result = await Client.FetchAsync(new GbfsSource("citibike", discoveryUrl), Cancel);

        Assert.Equal(10, result.System!.Stations.Count);
        Assert.Equal(2, result.System.VehicleTypes.Count);
        Assert.Equal(
            ["gbfs.json", "station_information.json", "station_status.json", "vehicle_types.json"],
            result.Responses.Select(r => Path.GetFileName(r.SourceFile!)));
    }

    [Fact]
    public async Task FetchAsync_RecordedFolderMissingAListedFile_IsFileNotFound()
    {
        using var folder = new TempDirectory();
        folder.Write("gbfs.json", Fixtures.Bytes("citibike/v3.0/gbfs.json"));
        folder.Write("station_information.json", Fixtures.Bytes("citibike/v3.0/station_information.json"));

        var error = await Assert.ThrowsAsync<FeedException>(() => Client.FetchAsync(new GbfsSource("citibike", folder.FullPath), Cancel));

        Assert.Equal(FeedErrorKind.Connection, error.Kind);
        Assert.Contains("station_status.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_SnapshotFolders_PlaysOneSnapshotPerFetchInNameOrderThenTheLastAgain()
    {
        using var folder = new TempDirectory();
        var status = Fixtures.Bytes("citibike/v2.3/station_status.json");
        WriteSnapshot(folder, "20260929T193944000Z", "gbfs.json", "station_information.json", "station_status.json", "vehicle_types.json");
        WriteSnapshot(folder, "20260929T194044000Z", "station_information.json", "vehicle_types.json");
        Directory.CreateDirectory(Path.Combine(folder.FullPath, "20260929T194044000Z"));
        File.WriteAllBytes(Path.Combine(folder.FullPath, "20260929T194044000Z", "station_status.json"), GbfsPayloads.WithEveryBikeTaken(status));
        Directory.CreateDirectory(Path.Combine(folder.FullPath, ".partial"));

        var first = await Client.FetchAsync(new GbfsSource("citibike", folder.FullPath), Cancel);
        var second = await Client.FetchAsync(new GbfsSource("citibike", folder.FullPath), Cancel);
        var third = await Client.FetchAsync(new GbfsSource("citibike", folder.FullPath), Cancel);

        Assert.Contains(first.System!.Stations, s => s.Status!.NumBikesAvailable > 0);
        Assert.All(second.System!.Stations, s => Assert.Equal(0, s.Status!.NumBikesAvailable));
        Assert.All(third.System!.Stations, s => Assert.Equal(0, s.Status!.NumBikesAvailable));
        Assert.Equal(
            ["20260929T193944000Z/gbfs.json", "20260929T193944000Z/station_information.json", "20260929T193944000Z/station_status.json", "20260929T193944000Z/vehicle_types.json"],
            first.Responses.Select(r => Relative(folder, r.SourceFile!)));
        Assert.Equal(
            ["20260929T194044000Z/station_information.json", "20260929T194044000Z/station_status.json", "20260929T194044000Z/vehicle_types.json"],
            second.Responses.Select(r => Relative(folder, r.SourceFile!)));
    }

    [Fact]
    public async Task FetchAsync_SnapshotLacksADocument_ReadsItFromTheLatestEarlierSnapshot()
    {
        using var folder = new TempDirectory();
        WriteSnapshot(folder, "1", "gbfs.json", "station_information.json", "station_status.json", "vehicle_types.json");
        WriteSnapshot(folder, "2", "station_information.json", "vehicle_types.json");
        WriteSnapshot(folder, "3", "station_status.json");

        await Client.FetchAsync(new GbfsSource("citibike", folder.FullPath), Cancel);
        var second = await Client.FetchAsync(new GbfsSource("citibike", folder.FullPath), Cancel);
        var third = await Client.FetchAsync(new GbfsSource("citibike", folder.FullPath), Cancel);

        Assert.Equal(["2/station_information.json", "1/station_status.json", "2/vehicle_types.json"], second.Responses.Select(r => Relative(folder, r.SourceFile!)));
        Assert.Equal(["2/station_information.json", "3/station_status.json", "2/vehicle_types.json"], third.Responses.Select(r => Relative(folder, r.SourceFile!)));
        Assert.Equal(10, third.System!.Stations.Count);
    }

    [Fact]
    public async Task FetchAsync_FirstSnapshotWithoutDiscovery_IsFileNotFoundNamingGbfsJson()
    {
        using var folder = new TempDirectory();
        WriteSnapshot(folder, "1", "station_information.json", "station_status.json");

        var error = await Assert.ThrowsAsync<FeedException>(() => Client.FetchAsync(new GbfsSource("citibike", folder.FullPath), Cancel));

        Assert.Equal(FeedErrorKind.Connection, error.Kind);
        Assert.Contains("gbfs.json", error.Message, StringComparison.Ordinal);
    }

    private static void WriteSnapshot(TempDirectory folder, string snapshot, params string[] names)
    {
        Directory.CreateDirectory(Path.Combine(folder.FullPath, snapshot));
        foreach (var name in names)
        {
            folder.Write(Path.Combine(snapshot, name), Fixtures.Bytes($"citibike/v2.3/{name}"));
        }
    }

    private static string Relative(TempDirectory folder, string path) => Path.GetRelativePath(folder.FullPath, path).Replace('\\', '/');

    /// <summary>Serves a recorded system's discovery (rewritten to point here) and its three feeds, each with an ETag.</summary>
    private string MapRecordedSystem(string version, string prefix, string languageSegment)
    {
        upstream.Map($"{prefix}/gbfs.json", UpstreamBehavior.Serve(new UpstreamPayload(RecordedDiscovery(version, prefix), "application/json") { ETag = "\"gbfs.json-1\"" }));
        foreach (var name in new[] { "station_information.json", "station_status.json", "vehicle_types.json" })
        {
            upstream.Map($"{prefix}{languageSegment}/{name}", UpstreamBehavior.Serve(Json($"citibike/{version}/{name}", $"\"{name}-1\"")));
        }

        return upstream.Url($"{prefix}/gbfs.json");
    }

    /// <summary>A recorded discovery document with its feed URLs pointed at a prefix of the loopback upstream.</summary>
    private byte[] RecordedDiscovery(string version, string prefix)
    {
        var recordedPrefix = $"https://gbfs.lyft.com/gbfs/{version[1..]}/bkn";
        var discovery = Encoding.UTF8.GetString(Fixtures.Bytes($"citibike/{version}/gbfs.json"));
        return Encoding.UTF8.GetBytes(discovery.Replace(recordedPrefix, upstream.Url(prefix), StringComparison.Ordinal));
    }

    /// <summary>The v1.1 recordings have no discovery document: one is written here, pointing at routes named here.</summary>
    private string MapV11System()
    {
        upstream.Map($"{V11Prefix}/gbfs.json", UpstreamBehavior.Serve(new UpstreamPayload(Encoding.UTF8.GetBytes(V11Discovery(V11Prefix)), "application/json") { ETag = "\"gbfs-1\"" }));
        upstream.Map($"{V11Prefix}/en/station_information.json", UpstreamBehavior.Serve(Json("citibike/v1.1/station_information-20240312T222449Z.json", "\"information-1\"")));
        upstream.Map($"{V11Prefix}/en/station_status.json", UpstreamBehavior.Serve(Json("citibike/v1.1/station_status-20240312T222350Z.json", "\"status-1\"")));
        return upstream.Url($"{V11Prefix}/gbfs.json");
    }

    private string V11Discovery(string prefix, bool includeStatus = true)
    {
        var feeds = new List<object>
        {
            new { name = "system_information", url = upstream.Url(prefix + "/en/system_information.json") },
            new { name = "station_information", url = upstream.Url(prefix + "/en/station_information.json") },
        };
        if (includeStatus)
        {
            feeds.Add(new { name = "station_status", url = upstream.Url(prefix + "/en/station_status.json") });
        }

        return JsonSerializer.Serialize(new { last_updated = 1710282230, ttl = 60, data = new { en = new { feeds } } });
    }

    private static UpstreamPayload Json(string fixture, string etag) => UpstreamPayload.Fixture(fixture) with { ETag = etag };
}
