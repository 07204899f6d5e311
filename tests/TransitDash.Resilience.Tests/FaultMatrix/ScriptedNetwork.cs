using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace TransitDash.Resilience.Tests.FaultMatrix;

/// <summary>The network between the web host and the loopback upstream, as the tests script it: every host
/// name reaches the upstream, unless a test makes a name fail to resolve (the connect step fails as a
/// resolver miss does; no lookup is ever made) or makes its connections be refused (a real refusal, by a
/// closed local port).</summary>
internal sealed class ScriptedNetwork(int upstreamPort, int closedPort)
{
    private readonly ConcurrentDictionary<string, NetworkFault> _faults = new(StringComparer.OrdinalIgnoreCase);

    public void Fail(string host, NetworkFault fault) => _faults[host] = fault;

    public void Heal(string host) => _faults.TryRemove(host, out _);

    /// <summary>The <see cref="SocketsHttpHandler.ConnectCallback"/> of the web host's feed client.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var fault = _faults.GetValueOrDefault(context.DnsEndPoint.Host, NetworkFault.None);
        if (fault == NetworkFault.UnresolvableHost)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            var port = fault == NetworkFault.ConnectionRefused ? closedPort : upstreamPort;
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>What the scripted network does to a host name.</summary>
internal enum NetworkFault
{
    None,
    UnresolvableHost,
    ConnectionRefused,
}
