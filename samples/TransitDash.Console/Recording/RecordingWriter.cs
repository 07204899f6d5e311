using System.Text.Json;
using System.Threading.Channels;
using TransitDash.Feeds.Http;

namespace TransitDash.ConsoleHost.Recording;

/// <summary>Writes each payload of a recording as it arrives, with its sidecar (see <see cref="RecordingLayout"/>).
/// A payload is written to a hidden file and then renamed, so a replay never reads half of one. The first
/// write that fails (a full disk, a folder that went away or became read-only) stops the recording: what
/// was written stays, <see cref="Stopped"/> completes with the reason, and later payloads are not written.
/// Writing never fails the fetch it records.</summary>
internal sealed class RecordingWriter : IDisposable
{
    private readonly string root;
    private readonly HashSet<string> subwayFeeds;
    private readonly bool alerts;
    private readonly bool citibike;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Channel<RecordedFile> written = Channel.CreateUnbounded<RecordedFile>();
    private readonly TaskCompletionSource<string> stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<string> snapshotFiles = new(StringComparer.Ordinal);
    private string? snapshot;
    private int payloads;
    private long bytes;

    /// <param name="root">The recording's folder.</param>
    /// <param name="subwayFeeds">The configured subway feed names to record; empty for none.</param>
    /// <param name="alerts">Whether to record the alerts feed.</param>
    /// <param name="citibike">Whether to record the GBFS system.</param>
    public RecordingWriter(string root, IEnumerable<string> subwayFeeds, bool alerts, bool citibike)
    {
        this.root = root;
        this.subwayFeeds = new HashSet<string>(subwayFeeds, StringComparer.Ordinal);
        this.alerts = alerts;
        this.citibike = citibike;
    }

    /// <summary>The folder being written.</summary>
    public string Root => root;

    /// <summary>Each payload written, in order.</summary>
    public ChannelReader<RecordedFile> Written => written.Reader;

    /// <summary>Completes with the reason when a write failed and recording stopped.</summary>
    public Task<string> Stopped => stopped.Task;

    /// <summary>Payloads written so far.</summary>
    public int Payloads => Volatile.Read(ref payloads);

    /// <summary>Bytes written so far, sidecars included.</summary>
    public long Bytes => Interlocked.Read(ref bytes);

    /// <summary>Writes one response's payload and sidecar, when its feed is recorded and it brought a payload
    /// (a "not modified" brings none: a replay keeps the previous one, as the live client did).</summary>
    public async Task WriteAsync(FeedRequest request, FeedResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (response.NotModified || stopped.Task.IsCompleted)
        {
            return;
        }

        await gate.WaitAsync().ConfigureAwait(false);
        string? path = null;
        try
        {
            if (stopped.Task.IsCompleted || Locate(request, response) is not { } located)
            {
                return;
            }

            var source = located.Source;
            path = located.Path;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await WriteWholeAsync(path, response.Body).ConfigureAwait(false);
            var sidecar = JsonSerializer.SerializeToUtf8Bytes(
                new PayloadSidecar(
                    source,
                    request.FeedName,
                    SafeUrl(request.Url),
                    response.ReceivedAt,
                    response.StatusCode,
                    Math.Round(response.Latency.TotalMilliseconds, 1),
                    response.Body.Length,
                    response.Headers),
                RecordingJsonContext.Default.PayloadSidecar);
            await WriteWholeAsync(path + RecordingLayout.SidecarSuffix, sidecar).ConfigureAwait(false);

            var total = Interlocked.Add(ref bytes, response.Body.Length + sidecar.Length);
            var count = Interlocked.Increment(ref payloads);
            written.Writer.TryWrite(new RecordedFile(Path.GetRelativePath(root, path), response.Body.Length, count, total));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stopped.TrySetResult(Describe(e, path is null ? root : Path.GetRelativePath(root, path)));
            written.Writer.TryComplete();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Ends the stream of written files (the recording is over).</summary>
    public void Complete() => written.Writer.TryComplete();

    public void Dispose() => gate.Dispose();

    /// <summary>What went wrong with a write, in words.</summary>
    internal static string Describe(Exception exception, string path) => exception switch
    {
        IOException io when IsDiskFull(io) => $"the disk is full (writing {path})",
        UnauthorizedAccessException => $"permission denied writing {path}",
        _ => $"could not write {path}: {exception.Message}",
    };

    private static bool IsDiskFull(IOException e)
    {
        // ENOSPC is 28 on Linux and macOS, where .NET puts the errno in HResult; on Windows,
        // ERROR_HANDLE_DISK_FULL (0x27) and ERROR_DISK_FULL (0x70) as HRESULTs.
        const int ENOSPC = 28;
        return e.HResult == ENOSPC || e.HResult == unchecked((int)0x80070027) || e.HResult == unchecked((int)0x80070070);
    }

    private static async Task WriteWholeAsync(string path, ReadOnlyMemory<byte> contents)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(contents).ConfigureAwait(false);
            }

            File.Move(temporary, path);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Hidden, so a replay skips it anyway.
        }
    }

    private static string? SafeUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && !uri.IsFile
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : null;

    /// <summary>The file a response goes to, or null when its feed is not recorded.</summary>
    private (string Source, string Path)? Locate(FeedRequest request, FeedResponse response)
    {
        var stamp = RecordingLayout.Stamp(response.ReceivedAt);
        if (subwayFeeds.Contains(request.FeedName))
        {
            var folder = System.IO.Path.Combine(root, RecordingLayout.SubwayFolder, RecordingLayout.FeedFolder(request.FeedName));
            return (TransitDashSources.Subway, Unique(folder, stamp, RecordingLayout.ProtobufExtension));
        }

        if (alerts && request.FeedName == TransitDashSources.Alerts)
        {
            var folder = System.IO.Path.Combine(root, RecordingLayout.AlertsFolder);
            return (TransitDashSources.Alerts, Unique(folder, stamp, RecordingLayout.ProtobufExtension));
        }

        const string GbfsPrefix = TransitDashSources.Citibike + "/";
        if (citibike && request.FeedName.StartsWith(GbfsPrefix, StringComparison.Ordinal))
        {
            var document = request.FeedName[GbfsPrefix.Length..];
            var fileName = document == "gbfs" ? RecordingLayout.DiscoveryFileName : DocumentFileName(request.Url, document);

            // One snapshot folder per fetch of the system: a document seen again starts the next fetch's.
            if (snapshot is null || snapshotFiles.Contains(fileName))
            {
                snapshot = UniqueFolder(System.IO.Path.Combine(root, RecordingLayout.CitibikeFolder), stamp);
                snapshotFiles.Clear();
            }

            snapshotFiles.Add(fileName);
            return (TransitDashSources.Citibike, System.IO.Path.Combine(snapshot, fileName));
        }

        return null;
    }

    /// <summary>The name a GBFS replay looks a listed document up by: the last segment of its URL.</summary>
    private static string DocumentFileName(string url, string document)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Uri.UnescapeDataString(uri.AbsolutePath) : url;
        var name = System.IO.Path.GetFileName(path);
        return name.Length == 0 || name.StartsWith('.') ? document + ".json" : name;
    }

    // Suffixes sort after the plain name ('_' comes after '.'), so time order holds.
    private static string Unique(string folder, string stamp, string extension)
    {
        var path = System.IO.Path.Combine(folder, stamp + extension);
        for (var i = 1; File.Exists(path); i++)
        {
            path = System.IO.Path.Combine(folder, $"{stamp}_{i}{extension}");
        }

        return path;
    }

    private static string UniqueFolder(string parent, string stamp)
    {
        var path = System.IO.Path.Combine(parent, stamp);
        for (var i = 1; Directory.Exists(path); i++)
        {
            path = System.IO.Path.Combine(parent, $"{stamp}_{i}");
        }

        return path;
    }
}
