using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace TransitDash.Hosting.Rendering;

/// <summary>Weak entity tags made from a snapshot version, the query and what the body shows at this
/// moment (for arrivals, every minute count), so a tag changes whenever anything but
/// <c>staleness_seconds</c> would. Stable across processes, so replicas serving the same snapshot agree.</summary>
public static class EntityTags
{
    public static string Make(long version, string query, ReadOnlySpan<int> moment)
    {
        var queryBytes = Encoding.UTF8.GetBytes(query);
        var momentBytes = MemoryMarshal.AsBytes(moment);
        var input = new byte[queryBytes.Length + momentBytes.Length];
        queryBytes.CopyTo(input, 0);
        momentBytes.CopyTo(input.AsSpan(queryBytes.Length));
        var digest = SHA256.HashData(input);
        return string.Create(CultureInfo.InvariantCulture, $"W/\"{version}-{Convert.ToHexStringLower(digest, 0, 8)}\"");
    }

    /// <summary>Whether an <c>If-None-Match</c> header names this tag (weak comparison, RFC 9110 13.1.2: the
    /// opaque tags are equal, <c>W/</c> or not) or is <c>*</c>. Read in place, without allocating: it runs
    /// on every request that carries the header. A malformed element matches nothing.</summary>
    /// <param name="ifNoneMatch">The header's values, each a comma-separated list of tags.</param>
    /// <param name="etag">The tag of the representation about to be sent.</param>
    /// <returns>True when the client already holds it.</returns>
    public static bool Matches(StringValues ifNoneMatch, string etag)
    {
        ArgumentNullException.ThrowIfNull(etag);
        var ours = Opaque(etag);
        foreach (var value in ifNoneMatch)
        {
            var rest = value.AsSpan();
            while (true)
            {
                rest = rest.TrimStart(" \t,");
                if (rest.IsEmpty)
                {
                    break;
                }

                if (rest[0] == '*')
                {
                    return true;
                }

                if (rest.StartsWith("W/", StringComparison.Ordinal))
                {
                    rest = rest[2..];
                }

                // An opaque tag is a quoted string without quotes inside; it may hold commas.
                var close = rest.Length > 1 && rest[0] == '"' ? rest[1..].IndexOf('"') : -1;
                if (close < 0)
                {
                    break;
                }

                if (rest[..(close + 2)].SequenceEqual(ours))
                {
                    return true;
                }

                rest = rest[(close + 2)..];
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> Opaque(string etag) =>
        etag.StartsWith("W/", StringComparison.Ordinal) ? etag.AsSpan(2) : etag;
}
