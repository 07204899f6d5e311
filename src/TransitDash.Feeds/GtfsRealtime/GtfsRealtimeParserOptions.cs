namespace TransitDash.Feeds.GtfsRealtime;

/// <summary>Options of <see cref="GtfsRealtimeParser"/>.</summary>
public sealed class GtfsRealtimeParserOptions
{
    /// <summary>The language (BCP-47) to pick from translated strings. A translation in that language
    /// wins; else one without a language; else the first one.</summary>
    /// <value>Defaults to <c>en</c>.</value>
    public string Language { get; init; } = "en";
}
