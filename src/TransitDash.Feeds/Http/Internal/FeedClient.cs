using System.Net;
using Microsoft.Extensions.Logging;
using TransitDash.Feeds.Internal;

namespace TransitDash.Feeds.Http.Internal;

/// <summary>Fetches feed bytes over HTTP through the named client of <see cref="IHttpClientFactory"/>,
/// or from recordings on disk.</summary>
internal sealed class FeedClient : IFeedClient
{
    private const string ApiKeyHeader = "x-api-key";

    private readonly IHttpClientFactory httpClientFactory;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<FeedClient> logger;
    private readonly RecordingReader recordings;

    public FeedClient(IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILogger<FeedClient> logger)
    {
        this.httpClientFactory = httpClientFactory;
        this.timeProvider = timeProvider;
        this.logger = logger;
        recordings = new RecordingReader(timeProvider);
    }

    public async Task<FeedResponse> GetAsync(FeedRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.FeedName, nameof(request));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.MaxResponseBytes, nameof(request));
        var location = FeedLocation.Parse(request.FeedName, request.Url);

        try
        {
            var response = location.IsLocal
                ? await recordings.ReadAsync(request, location.LocalPath!, cancellationToken).ConfigureAwait(false)
                : await GetHttpAsync(request, location.HttpUri!, cancellationToken).ConfigureAwait(false);
            if (response.NotModified)
            {
                Log.FeedNotModified(logger, request.FeedName);
            }
            else if (response.SourceFile is { } file)
            {
                Log.RecordingRead(logger, request.FeedName, Path.GetFileName(file));
            }
            else
            {
                Log.FeedFetched(logger, request.FeedName, response.StatusCode, response.Body.Length, response.Latency.TotalMilliseconds);
            }

            return response;
        }
        catch (FeedException e)
        {
            Log.FeedFetchFailed(logger, request.FeedName, e.Kind.ToWireName(), e);
            throw;
        }
    }

    private async Task<FeedResponse> GetHttpAsync(FeedRequest request, Uri uri, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(FeedsServiceCollectionExtensions.FeedHttpClientName);
        var timeout = client.Timeout;
        var started = timeProvider.GetTimestamp();

        // HttpClient.Timeout stops covering the request once headers arrive (ResponseHeadersRead), so
        // the same budget is enforced here over the body too: a slow drip cannot hang the caller.
        using var deadline = timeout == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var message = CreateRequestMessage(request, uri);
        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return CreateResponse(request, response, ReadOnlyMemory<byte>.Empty, started);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new FeedHttpException(request.FeedName, response.StatusCode, FeedFailure.RetryAfter(response.Headers.RetryAfter, timeProvider.GetUtcNow()));
            }

            var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            var body = await BoundedBody.ReadAsync(stream, response.Content.Headers.ContentLength, request.MaxResponseBytes, request.FeedName, linked.Token).ConfigureAwait(false);
            return CreateResponse(request, response, body, started);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports the linked token; the caller gets its own, so a check such as
            // `e.CancellationToken == stoppingToken` holds.
            if (e.CancellationToken == cancellationToken)
            {
                throw;
            }

            throw new OperationCanceledException(e.Message, e, cancellationToken);
        }
        catch (Exception e) when (e is not FeedException && FeedFailure.Classify(e, request.FeedName, timeout, deadline.IsCancellationRequested) is { } failure)
        {
            throw failure;
        }
    }

    private static HttpRequestMessage CreateRequestMessage(FeedRequest request, Uri uri)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, uri);

        // Sent without validation: validators go back exactly as the upstream wrote them.
        if (!string.IsNullOrEmpty(request.ApiKey))
        {
            message.Headers.TryAddWithoutValidation(ApiKeyHeader, request.ApiKey);
        }

        if (!string.IsNullOrEmpty(request.IfNoneMatch))
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", request.IfNoneMatch);
        }

        if (!string.IsNullOrEmpty(request.IfModifiedSince))
        {
            message.Headers.TryAddWithoutValidation("If-Modified-Since", request.IfModifiedSince);
        }

        return message;
    }

    private FeedResponse CreateResponse(FeedRequest request, HttpResponseMessage response, ReadOnlyMemory<byte> body, long started)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            foreach (var value in values)
            {
                headers.TryAdd(name, value);
                break;
            }
        }

        return new FeedResponse(
            request.FeedName,
            (int)response.StatusCode,
            NotModified: response.StatusCode == HttpStatusCode.NotModified,
            body,
            response.Content.Headers.ContentType?.MediaType,
            headers.GetValueOrDefault("ETag"),
            headers.GetValueOrDefault("Last-Modified"),
            timeProvider.GetUtcNow(),
            timeProvider.GetElapsedTime(started),
            headers,
            SourceFile: null);
    }
}
