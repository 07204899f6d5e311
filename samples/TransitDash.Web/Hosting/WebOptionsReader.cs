using Microsoft.Extensions.Configuration;

namespace TransitDash.Web.Hosting;

/// <summary>Reads <c>TransitDash:Web</c>, collecting every problem with its key path and value.</summary>
internal static class WebOptionsReader
{
    public static (WebOptions Options, IReadOnlyList<string> Problems) Read(IConfiguration configuration)
    {
        var options = new WebOptions();
        var problems = new List<string>();
        var section = configuration.GetSection(WebOptions.SectionName);
        foreach (var child in section.GetChildren())
        {
            if (!string.Equals(child.Key, nameof(WebOptions.CorsOrigins), StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{child.Path}: unknown key (the web host reads only CorsOrigins)");
            }
        }

        var origins = section.GetSection(nameof(WebOptions.CorsOrigins));
        if (origins.Exists())
        {
            var values = origins.GetChildren().Select(c => (c.Path, c.Value)).ToList();
            if (values.Count == 0 && origins.Value is { Length: > 0 } single)
            {
                values.Add((origins.Path, single));
            }

            var list = new List<string>();
            foreach (var (path, value) in values)
            {
                if (value == "*" || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/" && uri.Query.Length == 0))
                {
                    list.Add(value == "*" ? value : value!.TrimEnd('/'));
                }
                else
                {
                    problems.Add($"{path}: '{value}' is not an origin (use * or an http(s)://host[:port] origin)");
                }
            }

            options.CorsOrigins = list;
        }

        return (options, problems);
    }
}
