using System.Text.Json.Nodes;

namespace TransitDash.Web.Tests.Support;

/// <summary>Reads a text/event-stream: one <c>event:</c> name and one <c>data:</c> JSON line per event.</summary>
internal sealed class ServerSentEvents(Stream stream) : IDisposable
{
    private readonly StreamReader reader = new(stream);

    public async Task<(string Name, JsonNode Json)> NextAsync(CancellationToken cancellationToken)
    {
        string? name = null;
        string? data = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null && data is not null)
                {
                    return (name, JsonNode.Parse(data)!);
                }

                (name, data) = (null, null);
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }

        throw new EndOfStreamException("The event stream ended.");
    }

    /// <summary>The next event of that name, skipping others.</summary>
    public async Task<(string Name, JsonNode Json)> NextAsync(string name, CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = await NextAsync(cancellationToken);
            if (next.Name == name)
            {
                return next;
            }
        }
    }

    public void Dispose() => reader.Dispose();
}
