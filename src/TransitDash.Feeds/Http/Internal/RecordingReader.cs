using System.Collections.Concurrent;

namespace TransitDash.Feeds.Http.Internal;

/// <summary>Reads recorded payloads: a file as it is, or a directory's files in name order, one per
/// request, the last one again once all were read. <c>*.meta.json</c> sidecars and hidden files are
/// not payloads.</summary>
internal sealed class RecordingReader(TimeProvider timeProvider)
{
    private const string SidecarSuffix = ".meta.json";

    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    // The last file served per feed and directory. Remembering the name rather than an index keeps
    // replay in order when files are added to the directory while it plays.
    private readonly ConcurrentDictionary<(string FeedName, string Directory), string> lastServed = new();

    public async Task<FeedResponse> ReadAsync(FeedRequest request, string path, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var file = Directory.Exists(path) ? NextInDirectory(request.FeedName, path) : path;
        var body = await ReadFileAsync(request, file, cancellationToken).ConfigureAwait(false);
        return new FeedResponse(
            request.FeedName,
            StatusCode: 200,
            NotModified: false,
            body,
            ContentType: null,
            ETag: null,
            LastModified: null,
            timeProvider.GetUtcNow(),
            timeProvider.GetElapsedTime(started),
            NoHeaders,
            file);
    }

    private static async Task<byte[]> ReadFileAsync(FeedRequest request, string file, CancellationToken cancellationToken)
    {
        try
        {
            var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (stream.ConfigureAwait(false))
            {
                return await BoundedBody.ReadAsync(stream, stream.Length, request.MaxResponseBytes, request.FeedName, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FeedException(request.FeedName, FeedErrorKind.Connection, $"Feed '{request.FeedName}': file not found: {file}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FeedException(request.FeedName, FeedErrorKind.Connection, $"Feed '{request.FeedName}': could not read file {file} ({e.GetType().Name}).", e);
        }
    }

    private string NextInDirectory(string feedName, string directory)
    {
        var files = Directory.EnumerateFiles(directory)
            .Where(IsRecording)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0)
        {
            throw new FeedException(feedName, FeedErrorKind.Connection, $"Feed '{feedName}': the directory {directory} holds no recordings.");
        }

        return lastServed.AddOrUpdate(
            (feedName, directory),
            static (_, files) => files[0],
            static (_, previous, files) => files.FirstOrDefault(f => StringComparer.Ordinal.Compare(f, previous) > 0) ?? files[^1],
            files);
    }

    private static bool IsRecording(string file)
    {
        var name = Path.GetFileName(file);
        return !name.StartsWith('.') && !name.EndsWith(SidecarSuffix, StringComparison.OrdinalIgnoreCase);
    }
}
