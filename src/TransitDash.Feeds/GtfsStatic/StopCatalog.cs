namespace TransitDash.Feeds.GtfsStatic;

/// <summary>Station names from GTFS static <c>stops.txt</c>. Unknown stop ids are normal (live feeds use
/// ids that no static file has): lookups report them as not found and never throw.</summary>
public sealed class StopCatalog
{
    /// <summary>A catalog with no stops.</summary>
    public static StopCatalog Empty { get; } = new();

    private StopCatalog()
    {
    }

    /// <summary>The number of stops in the catalog.</summary>
    public int Count => throw new NotImplementedException();

    /// <summary>Reads a catalog from the text of a <c>stops.txt</c> (any column order, quoted fields, BOM).</summary>
    /// <param name="reader">The CSV text.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="FormatException">The text has no <c>stop_id</c> or <c>stop_name</c> column.</exception>
    public static StopCatalog ParseStopsTxt(TextReader reader) => throw new NotImplementedException();

    /// <summary>Reads a catalog from a GTFS zip's <c>stops.txt</c>.</summary>
    /// <param name="zip">The zip archive's bytes.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="FormatException">The archive has no usable <c>stops.txt</c>.</exception>
    public static StopCatalog ParseGtfsZip(Stream zip) => throw new NotImplementedException();

    /// <summary>Reads a catalog from a file: a GTFS zip (by content) or a <c>stops.txt</c>.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The catalog.</returns>
    public static StopCatalog Load(string path) => throw new NotImplementedException();

    /// <summary>The station name for a stop id: the parent station's name when the stop has one,
    /// else the stop's own name.</summary>
    /// <param name="stopId">A stop or platform id.</param>
    /// <param name="name">The name, when found.</param>
    /// <returns>True when the stop id is known.</returns>
    public bool TryGetStationName(string stopId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? name)
        => throw new NotImplementedException();
}
