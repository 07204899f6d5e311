using System.Text.Json.Nodes;

namespace TransitDash.ConsoleHost.Tests.Support;

/// <summary>Compares API bodies written by two hosts that hold the same data at the same frozen instant.</summary>
internal static class ApiBodies
{
    // What legitimately differs between two such hosts, and nothing else: last_duration_ms is each
    // host's own fetch latency; version numbers the snapshots one process published, across its
    // sources, so it depends on which source finished first; traceId is the web request's trace id,
    // which a console has no request for.
    private static readonly string[] HostOwn = ["last_duration_ms", "version", "traceId"];

    /// <summary>A copy of the body without the members each host owns.</summary>
    public static JsonNode? Comparable(JsonNode? body)
    {
        var copy = body?.DeepClone();
        Strip(copy);
        return copy;
    }

    /// <summary>Asserts two bodies are equal member by member, naming the first difference.</summary>
    public static void AssertEqual(JsonNode? expected, JsonNode? actual, string what)
    {
        var left = Comparable(expected);
        var right = Comparable(actual);
        if (!JsonNode.DeepEquals(left, right))
        {
            Assert.Fail($"{what} differs at {FirstDifference(left, right, "$")}.\nexpected: {left?.ToJsonString()}\nactual:   {right?.ToJsonString()}");
        }
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var name in HostOwn)
                {
                    o.Remove(name);
                }

                foreach (var (_, value) in o)
                {
                    Strip(value);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Strip(item);
                }

                break;
        }
    }

    private static string FirstDifference(JsonNode? left, JsonNode? right, string path)
    {
        if (left is JsonObject l && right is JsonObject r)
        {
            foreach (var name in l.Select(p => p.Key).Union(r.Select(p => p.Key)))
            {
                if (!JsonNode.DeepEquals(l[name], r[name]))
                {
                    return FirstDifference(l[name], r[name], $"{path}.{name}");
                }
            }
        }
        else if (left is JsonArray la && right is JsonArray ra && la.Count == ra.Count)
        {
            for (var i = 0; i < la.Count; i++)
            {
                if (!JsonNode.DeepEquals(la[i], ra[i]))
                {
                    return FirstDifference(la[i], ra[i], $"{path}[{i}]");
                }
            }
        }

        return $"{path} ({left?.ToJsonString() ?? "missing"} vs {right?.ToJsonString() ?? "missing"})";
    }
}
