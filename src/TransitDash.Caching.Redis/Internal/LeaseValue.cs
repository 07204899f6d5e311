using System.Globalization;

namespace TransitDash.Internal;

/// <summary>Reads the lease's value, <c>token:replica</c>.</summary>
internal static class LeaseValue
{
    public static long Token(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && long.TryParse(value.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var token) ? token : 0;
    }

    public static string Replica(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? value[(colon + 1)..] : value;
    }
}
