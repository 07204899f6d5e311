using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using TransitDash.Testing;

namespace TransitDash.Caching.Redis.Tests.Support;

/// <summary>A real <c>redis-server</c> on a free loopback port, with nothing persisted, that a test can stop and
/// start again on the same port (as an outage and a restart that lost every key). Redis cannot pick its own port
/// and say which, so the port is one the OS just handed out; another process may take it before the server binds
/// it, and a first start then tries again on another. Skips the test (fails it
/// under <c>TRANSITDASH_REQUIRE_ALL=1</c>) when <c>redis-server</c> is not on PATH.</summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(15);

    private readonly string _program;
    private Process? _process;
    private string _lastOutput = string.Empty;

    private RedisServer(string program, int port)
    {
        _program = program;
        Port = port;
    }

    public int Port { get; private set; }

    /// <summary>The StackExchange.Redis configuration string of this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<RedisServer> StartAsync()
    {
        const int Tries = 5;
        var server = NotStarted();
        for (var tried = 1; !await server.TryStartAsync(); tried++)
        {
            Assert.True(tried < Tries, $"redis-server exited before answering on {Tries} ports in turn:\n{server._lastOutput}");
            server.Port = FreePort();
        }

        return server;
    }

    /// <summary>A server not started yet, on a port where nothing listens until <see cref="StartAgainAsync"/>.</summary>
    public static RedisServer NotStarted()
    {
        var program = Requirements.FindExecutable("redis-server");
        if (program is null)
        {
            Requirements.Missing("redis-server is not on PATH");
        }

        return new RedisServer(program!, FreePort());
    }

    /// <summary>A port the OS just handed out and that was closed again: nothing listens there.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Starts the server (again) on its port, empty, and waits until it answers.</summary>
    public async Task StartAgainAsync()
    {
        if (!await TryStartAsync())
        {
            Assert.Fail($"redis-server exited before answering on port {Port}:\n{_lastOutput}");
        }
    }

    /// <summary>Starts the server on its port and waits until it answers; false when it exits first (the port is
    /// taken).</summary>
    private async Task<bool> TryStartAsync()
    {
        var start = new ProcessStartInfo(_program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no" })
        {
            start.ArgumentList.Add(arg);
        }

        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        try
        {
            var deadline = DateTime.UtcNow + StartBound;
            while (!await AnswersAsync())
            {
                if (_process.HasExited)
                {
                    await _process.WaitForExitAsync();
                    _lastOutput = string.Join('\n', output);
                    await StopAsync();
                    return false;
                }

                Assert.True(DateTime.UtcNow < deadline, $"redis-server did not answer on port {Port}");
                await Task.Delay(20);
            }

            // Something answered; it must be this server, not another that had the port first.
            await Task.Delay(50);
            if (_process.HasExited)
            {
                await StopAsync();
                return false;
            }

            return true;
        }
        catch
        {
            // A test that fails here never disposes the server: it must not outlive the run.
            await StopAsync();
            throw;
        }
    }

    private static void Keep(System.Collections.Concurrent.ConcurrentQueue<string> output, string? line)
    {
        if (line is not null && output.Count < 50)
        {
            output.Enqueue(line);
        }
    }

    /// <summary>Kills the server: every key is lost, and clients see their connections drop.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return read > 0 && buffer[0] == (byte)'+';
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
