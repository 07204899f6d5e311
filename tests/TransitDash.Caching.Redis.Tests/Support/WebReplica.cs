using System.Net;
using System.Text.Json;
using TransitDash.Testing;

namespace TransitDash.Caching.Redis.Tests.Support;

/// <summary>One web host replica as its own process (<see cref="SampleProcess"/> running
/// <c>TransitDash.Web.dll</c>, which the build puts beside the tests), on a loopback port, with what a test
/// does to a process: read its console, kill it (<c>kill -9</c>), pause and resume it (<c>SIGSTOP</c>,
/// <c>SIGCONT</c>).</summary>
internal sealed class WebReplica : IAsyncDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    private readonly SampleProcess _process;

    private WebReplica(SampleProcess process, Uri address)
    {
        _process = process;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = RequestTimeout };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public int ProcessId => _process.Id;

    /// <summary>Its name in the lease and in <c>/api/health</c>.</summary>
    public string Name => $"{Environment.MachineName}-{ProcessId}";

    public string Output => _process.Output + _process.Errors;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts a replica on a port of its own choosing and waits until it says which.</summary>
    public static async Task<WebReplica> StartAsync(string configPath)
    {
        var process = SampleProcess.Start("TransitDash.Web.dll", Path.GetDirectoryName(configPath)!, "--urls", "http://127.0.0.1:0", "--config", configPath);
        try
        {
            var address = await process.ListeningAddressAsync(TimeSpan.FromSeconds(30));
            return new WebReplica(process, new Uri(address, "/"));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>GETs a path; null when the replica does not answer (killed, paused, not started yet).</summary>
    public async Task<HttpResponseMessage?> GetAsync(string path)
    {
        try
        {
            return await Http.GetAsync(path, TestContext.Current.CancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary><c>/api/health</c> as JSON; null when the replica does not answer.</summary>
    public async Task<JsonElement?> HealthAsync()
    {
        using var response = await GetAsync("/api/health");
        if (response is not { StatusCode: HttpStatusCode.OK })
        {
            return null;
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return document.RootElement.Clone();
    }

    /// <summary>The version of the <c>/api/subway</c> body, read from its entity tag (<c>W/"version-hash"</c>);
    /// null when the replica does not answer with data.</summary>
    public async Task<long?> SubwayVersionAsync()
    {
        using var response = await GetAsync("/api/subway");
        if (response is not { StatusCode: HttpStatusCode.OK } || response.Headers.ETag is not { } tag)
        {
            return null;
        }

        return long.Parse(tag.Tag.Trim('"').Split('-')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary><c>kill -9</c>: the process ends at once, without giving up its lease.</summary>
    public Task KillAsync() => _process.KillAsync();

    public void Pause() => _process.Signal("STOP");

    public void Resume() => _process.Signal("CONT");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
    }
}
