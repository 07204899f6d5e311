using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace TransitDash.Web.Tests.Support;

/// <summary>One answer of the host: status, headers and body (parsed when it is JSON).</summary>
internal sealed record ApiAnswer(HttpStatusCode Status, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders, string Text)
{
    /// <summary>The body as JSON, or null when it is not JSON.</summary>
    public JsonNode? Json { get; } = Parse(Text);

    /// <summary>The body's <c>data</c> array.</summary>
    public JsonArray Data => Json?["data"]?.AsArray() ?? throw new InvalidOperationException($"No data array in: {this}");

    public static async Task<ApiAnswer> GetAsync(HttpClient client, string url, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        configure?.Invoke(request);
        return await SendAsync(client, request);
    }

    public static async Task<ApiAnswer> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new ApiAnswer(response.StatusCode, response.Headers, response.Content.Headers, text);
    }

    /// <summary>Asserts a 400 problem-details answer whose <c>errors</c> name the parameter.</summary>
    public void AssertBadParameter(string parameter)
    {
        Assert.True(Status == HttpStatusCode.BadRequest, $"expected 400 naming '{parameter}', got {this}");
        Assert.Equal("application/problem+json", ContentHeaders.ContentType?.MediaType);
        Assert.Equal(400, (int?)Json?["status"]);
        var errors = Json?["errors"]?.AsObject();
        Assert.True(errors?.ContainsKey(parameter) == true, $"the problem does not name '{parameter}': {Text}");
    }

    public override string ToString() => $"{(int)Status} {(Text.Length > 600 ? Text[..600] + "…" : Text)}";

    private static JsonNode? Parse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
