using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TransitDash.Hosting.Rendering;

namespace TransitDash.ConsoleHost.Board;

/// <summary>The <c>--json</c> document: <c>{"subway", "citibike", "alerts", "health"}</c>, each member
/// exactly the body the web host's endpoint answers, serialized with the same context.</summary>
internal static class BoardJson
{
    public static void Write(BoardSnapshot board, Stream output)
    {
        ArgumentNullException.ThrowIfNull(board);
        var context = ApiJsonContext.Web;

        // The writer's encoder, not the context's, escapes what the writer writes: use the same one.
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = context.Options.Encoder });
        writer.WriteStartObject();
        Member(writer, "subway", board.Subway, context.SubwayResponse);
        Member(writer, "citibike", board.Citibike, context.CitibikeResponse);
        Member(writer, "alerts", board.Alerts, context.AlertsResponse);
        writer.WritePropertyName("health");
        JsonSerializer.Serialize(writer, board.Health, context.HealthResponse);
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void Member<T>(Utf8JsonWriter writer, string name, SourceBody<T> body, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        writer.WritePropertyName(name);
        if (body.Data is { } data)
        {
            JsonSerializer.Serialize(writer, data, typeInfo);
        }
        else if (body.NoData is { } noData)
        {
            JsonSerializer.Serialize(writer, noData, ApiJsonContext.Web.NoDataResponse);
        }
        else
        {
            JsonSerializer.Serialize(writer, body.Off!, ApiJsonContext.Web.ProblemResponse);
        }
    }
}
