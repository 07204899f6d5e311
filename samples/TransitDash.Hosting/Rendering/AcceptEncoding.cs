using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace TransitDash.Hosting.Rendering;

/// <summary>Reads a request's <c>Accept-Encoding</c> (RFC 9110 12.5.3) to pick the coding of a cached body,
/// without allocating: it runs on every request.</summary>
public static class AcceptEncoding
{
    private const double Unlisted = -1;

    /// <summary>The coding to send: the one of <c>br</c> and <c>gzip</c> with the highest weight, <c>br</c>
    /// on a tie; identity when neither is acceptable (absent, <c>q=0</c>, or not covered by <c>*</c>)
    /// or when the client weights <c>identity</c> above both. A malformed weight counts as <c>q=0</c>:
    /// a coding the client may not read is never sent.</summary>
    /// <param name="header">The header's values (any number, each a comma-separated list).</param>
    /// <returns>The coding.</returns>
    public static ContentCoding Choose(StringValues header)
    {
        double gzip = Unlisted, brotli = Unlisted, identity = Unlisted, any = Unlisted;
        foreach (var value in header)
        {
            var rest = value.AsSpan();
            while (!rest.IsEmpty)
            {
                var comma = rest.IndexOf(',');
                var element = comma < 0 ? rest : rest[..comma];
                rest = comma < 0 ? [] : rest[(comma + 1)..];
                var semicolon = element.IndexOf(';');
                var coding = (semicolon < 0 ? element : element[..semicolon]).Trim();
                if (coding.IsEmpty)
                {
                    continue;
                }

                var weight = semicolon < 0 ? 1 : Weight(element[(semicolon + 1)..]);
                if (coding.Equals("br", StringComparison.OrdinalIgnoreCase))
                {
                    brotli = Lowest(brotli, weight);
                }
                else if (coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
                {
                    gzip = Lowest(gzip, weight);
                }
                else if (coding.Equals("identity", StringComparison.OrdinalIgnoreCase))
                {
                    identity = Lowest(identity, weight);
                }
                else if (coding is "*")
                {
                    any = Lowest(any, weight);
                }
            }
        }

        // "*" stands for every coding the header does not name.
        brotli = brotli == Unlisted ? Math.Max(any, 0) : brotli;
        gzip = gzip == Unlisted ? Math.Max(any, 0) : gzip;
        var best = Math.Max(brotli, gzip);
        if (best <= 0 || identity > best)
        {
            return ContentCoding.Identity;
        }

        return brotli >= gzip ? ContentCoding.Brotli : ContentCoding.Gzip;
    }

    /// <summary>When a coding is listed twice, the lower weight counts: never send what the client refused once.</summary>
    private static double Lowest(double current, double weight) => current == Unlisted ? weight : Math.Min(current, weight);

    /// <summary>The <c>q</c> of an element's parameters (<c> q=0.5</c>); 1 when there is none, 0 when it is malformed.</summary>
    private static double Weight(ReadOnlySpan<char> parameters)
    {
        while (!parameters.IsEmpty)
        {
            var semicolon = parameters.IndexOf(';');
            var parameter = (semicolon < 0 ? parameters : parameters[..semicolon]).Trim();
            parameters = semicolon < 0 ? [] : parameters[(semicolon + 1)..];
            if (parameter.Length >= 2 && parameter[0] is 'q' or 'Q' && parameter[1..].TrimStart().StartsWith('='))
            {
                var text = parameter[(parameter.IndexOf('=') + 1)..].Trim();
                return text.Length is > 0 and <= 5
                    && text[0] is '0' or '1'
                    && double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q)
                    && q is >= 0 and <= 1
                    ? q
                    : 0;
            }
        }

        return 1;
    }
}
