using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TransitDash.Simulator.Upstream;

/// <summary>A real HTTP server on 127.0.0.1 (Kestrel, a free port) standing in for a feed's upstream:
/// the demo upstream plays on it, and the tests script it with recordings and faults.
/// Tests map paths to behaviors (<see cref="UpstreamBehavior"/>) and may swap them at any time; every
/// request is recorded with its raw target and headers. Unmapped paths answer 404.</summary>
/// <example>
/// <code>
/// await using var upstream = await LoopbackUpstream.StartAsync();
/// upstream.Map("/nyct%2Fgtfs-ace", UpstreamBehavior.Serve(bytes, "application/x-protobuf"));
/// var url = upstream.Url("/nyct%2Fgtfs-ace");
/// </code>
/// </example>
public sealed class LoopbackUpstream : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, UpstreamBehavior> routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly CancellationTokenSource stopping = new();

    private LoopbackUpstream(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's address, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Whether requests are kept for <see cref="Requests"/> (the default, for tests). Every kept
    /// request stays until <see cref="ClearRequests"/>, so an upstream that plays for hours (the demo) turns
    /// this off to keep its memory bounded.</summary>
    public bool RecordsRequests { get; set; } = true;

    /// <summary>Every request received so far, oldest first (none while <see cref="RecordsRequests"/> is off).</summary>
    public IReadOnlyList<RecordedRequest> Requests => requests.ToArray();

    /// <summary>Starts a server with no routes.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    public static async Task<LoopbackUpstream> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();

        LoopbackUpstream? upstream = null;
        app.Run(context => upstream!.HandleAsync(context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        upstream = new LoopbackUpstream(app, new Uri(address.TrimEnd('/') + "/"));
        return upstream;
    }

    /// <summary>An address on 127.0.0.1 where nothing listens (connections are refused).</summary>
    /// <param name="pathAndQuery">The path to append.</param>
    /// <returns>The URL.</returns>
    public static string ClosedPortUrl(string pathAndQuery = "/")
    {
        // A port the OS just handed out and that was closed again is free and refuses connections.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}{pathAndQuery}";
    }

    /// <summary>The URL of a path on this server, kept exactly as written (no escaping or unescaping).</summary>
    /// <param name="pathAndQuery">A path starting with <c>/</c>, optionally with a query.</param>
    /// <returns>The URL as a string (a <see cref="Uri"/>'s <c>ToString</c> would unescape it for display).</returns>
    public string Url(string pathAndQuery)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathAndQuery);
        if (pathAndQuery[0] != '/')
        {
            throw new ArgumentException("The path must start with '/'.", nameof(pathAndQuery));
        }

        return BaseAddress.GetLeftPart(UriPartial.Authority) + pathAndQuery;
    }

    /// <summary>Maps a path to a behavior, replacing the one it had. Paths match the raw request path
    /// exactly (escapes included, query excluded).</summary>
    /// <param name="path">The path, for example <c>/nyct%2Fgtfs</c>.</param>
    /// <param name="behavior">What to answer.</param>
    /// <returns>This server, for chaining.</returns>
    public LoopbackUpstream Map(string path, UpstreamBehavior behavior)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(behavior);
        routes[path] = behavior;
        return this;
    }

    /// <summary>Removes a path's mapping: it answers 404 again.</summary>
    /// <param name="path">The path.</param>
    public void Unmap(string path) => routes.TryRemove(path, out _);

    /// <summary>The requests received for a path (raw, as mapped), oldest first.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The requests.</returns>
    public IReadOnlyList<RecordedRequest> RequestsTo(string path) =>
        requests.Where(r => string.Equals(r.Path, path, StringComparison.Ordinal)).ToArray();

    /// <summary>How many requests a path received.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The count.</returns>
    public int RequestCount(string path) => RequestsTo(path).Count;

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearRequests() => requests.Clear();

    /// <summary>Ends every pending behavior (hangs, drips) and stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        using (var timeout = new CancellationTokenSource(ShutdownTimeout))
        {
            await app.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        await app.DisposeAsync().ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        if (RecordsRequests)
        {
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var recorded = new RecordedRequest(context.Request.Method, rawTarget, headers, DateTimeOffset.UtcNow);
            requests.Enqueue(recorded);
            context.Response.OnStarting(() =>
            {
                var encoding = context.Response.Headers.ContentEncoding.ToString();
                recorded.RecordResponse(context.Response.StatusCode, encoding.Length == 0 ? null : encoding);
                return Task.CompletedTask;
            });
        }

        if (!routes.TryGetValue(RecordedRequest.PathOf(rawTarget), out var behavior))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
        try
        {
            await behavior.ServeAsync(context, cancellation.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client left or the server is stopping: the behavior's work is moot.
            context.Abort();
        }
    }
}
