using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TransitDash.Web.Api;

/// <summary>The endpoints the OpenAPI generator cannot see, since they are middleware pipelines rather
/// than handlers (the health probes and the Prometheus scrape), described by hand so that
/// <c>/openapi/v1.json</c> lists every endpoint.</summary>
internal static class PipelineEndpointsDocument
{
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";
    public const string MetricsPath = "/metrics";

    private const string Text = "text/plain";

    public static Task AddAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Paths ??= [];
        Add(document, LivePath, "GetLiveness", "Liveness: the process answers.", ("200", "Alive."));
        Add(
            document,
            ReadyPath,
            "GetReadiness",
            "Readiness: 200 once subway and Citi Bike each have data, whatever their freshness; 503 before.",
            ("200", "Ready."),
            ("503", "Waiting for the first data."));
        Add(document, MetricsPath, "GetMetrics", "Prometheus text exposition of the library's meters.", ("200", "The metrics."));
        return Task.CompletedTask;
    }

    private static void Add(OpenApiDocument document, string path, string operationId, string summary, params (string Status, string Description)[] responses)
    {
        var answers = new OpenApiResponses();
        foreach (var (status, description) in responses)
        {
            answers[status] = new OpenApiResponse { Description = description, Content = new Dictionary<string, OpenApiMediaType> { [Text] = new() } };
        }

        document.Paths[path] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new() { OperationId = operationId, Summary = summary, Responses = answers },
            },
        };
    }
}
