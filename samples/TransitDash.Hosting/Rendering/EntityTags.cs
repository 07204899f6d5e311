using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

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
}
