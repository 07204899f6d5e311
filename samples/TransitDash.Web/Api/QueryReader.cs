using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace TransitDash.Web.Api;

/// <summary>Reads query parameters by hand so that every malformed value becomes a 400 naming the
/// parameter (model binding would answer some of them with its own messages, or not at all).</summary>
internal sealed class QueryReader(IQueryCollection query)
{
    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public bool HasErrors => errors.Count > 0;

    /// <summary>A parameter given at most once; null when absent. An empty value is an error.</summary>
    public string? Text(string name)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count > 1)
        {
            Fail(name, $"'{name}' was given {values.Count} times; give it once.");
            return null;
        }

        var value = values[0]?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            Fail(name, $"'{name}' is empty.");
            return null;
        }

        if (value.Length > 200)
        {
            Fail(name, $"'{name}' is longer than 200 characters.");
            return null;
        }

        return value;
    }

    /// <summary>An integer parameter within a range; null when absent.</summary>
    public int? Integer(string name, int min, int max)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Fail(name, $"'{name}' must be a whole number from {min} to {max} (got '{Shorten(text)}').");
            return null;
        }

        return value;
    }

    /// <summary>Records a problem with a parameter.</summary>
    public void Fail(string name, string message)
    {
        errors[name] = errors.TryGetValue(name, out var existing) ? [.. existing, message] : [message];
    }

    /// <summary>The 400 answer listing every problem.</summary>
    public IResult Problem() => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Bad query parameter",
        detail: string.Join(" ", errors.Values.SelectMany(m => m)),
        extensions: new Dictionary<string, object?> { ["errors"] = errors, ["success"] = false });

    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
