namespace TransitDash.Feeds.Gbfs.Internal;

/// <summary>Picks among things published per language (discovery feed lists, 3.0 texts).</summary>
internal static class GbfsLanguage
{
    /// <summary>The index of the preferred language (BCP 47 tags compare case-insensitively), else of the
    /// first one with the same primary subtag (<c>en</c> for <c>en-US</c>), else 0: the first listed.</summary>
    public static int Choose<T>(IReadOnlyList<T> items, Func<T, string?> languageOf, string preferred)
    {
        var samePrimary = -1;
        for (var i = 0; i < items.Count; i++)
        {
            var candidate = languageOf(items[i]);
            if (string.Equals(candidate, preferred, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }

            if (samePrimary < 0 && candidate is not null
                && PrimarySubtag(candidate).Equals(PrimarySubtag(preferred), StringComparison.OrdinalIgnoreCase))
            {
                samePrimary = i;
            }
        }

        return Math.Max(samePrimary, 0);
    }

    private static ReadOnlySpan<char> PrimarySubtag(string tag)
    {
        var end = tag.AsSpan().IndexOfAny('-', '_');
        return end < 0 ? tag : tag.AsSpan(0, end);
    }
}
