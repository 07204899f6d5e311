using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using TransitDash.Testing;

namespace TransitDash.Caching.Redis.Tests.Support;

/// <summary>One web host replica as its own process (<c>dotnet TransitDash.Web.dll</c>, which the build puts
/// beside the tests), on a loopback port, with what a test does to a process: read its console, kill it
/// (<c>kill -9</c>), pause and resume it (<c>SIGSTOP</c>, <c>SIGCONT</c>).</summary>
internal sealed class WebReplica : IAsyncDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private WebReplica(Process process, Uri address)
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

    public string Output => string.Join('\n', _output);

    public bool HasExited => _process.HasExited;

    public static WebReplica Start(string configPath)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "TransitDash.Web.dll");
        Assert.True(File.Exists(program), $"{program} is missing: the test project references the web host, whose build puts it there");
        var address = new Uri($"http://127.0.0.1:{RedisServer.FreePort()}/");
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(configPath)!,
        };
        foreach (var arg in new[] { program, "--urls", address.ToString().TrimEnd('/'), "--config", configPath })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("ASPNETCORE_URLS");
        foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("TransitDash__", StringComparison.OrdinalIgnoreCase)))
        {
            start.Environment.Remove(key);
        }

        var process = new Process { StartInfo = start };
        var replica = new WebReplica(process, address);
        process.OutputDataReceived += (_, e) => replica.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => replica.Collect(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return replica;
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
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    public void Pause() => Signal("STOP");

    public void Resume() => Signal("CONT");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            // A paused process cannot die until it runs again.
            Signal("CONT");
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
