namespace TransitDash.Feeds.Gbfs.Internal;

/// <summary>A GBFS text: a plain string (1.1/2.x) or one string per language (3.0).</summary>
internal sealed class LocalizedText
{
    private readonly string? plain;
    private readonly IReadOnlyList<KeyValuePair<string?, string?>> translations;

    private LocalizedText(string? plain, IReadOnlyList<KeyValuePair<string?, string?>> translations)
    {
        this.plain = plain;
        this.translations = translations;
    }

    public static LocalizedText FromPlain(string text) => new(text, []);

    /// <param name="translations">Language (key) and text (value) pairs in document order.</param>
    public static LocalizedText FromTranslations(IReadOnlyList<KeyValuePair<string?, string?>> translations) => new(null, translations);

    /// <summary>The text in <paramref name="language"/> (see <see cref="GbfsLanguage.Choose"/>); null when there is no text at all.</summary>
    public string? Pick(string language)
    {
        if (plain is not null)
        {
            return plain;
        }

        var usable = translations.Where(t => !string.IsNullOrEmpty(t.Value)).ToList();
        return usable.Count == 0 ? null : usable[GbfsLanguage.Choose(usable, t => t.Key, language)].Value;
    }
}
