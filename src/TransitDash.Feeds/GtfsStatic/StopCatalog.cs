using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;
using System.Text;
using TransitDash.Feeds.GtfsStatic.Internal;

namespace TransitDash.Feeds.GtfsStatic;

/// <summary>Station names from GTFS static <c>stops.txt</c>. Unknown stop ids are normal (live feeds use
/// ids that no static file has): lookups report them as not found and never throw.</summary>
public sealed class StopCatalog
{
    private const string StopsFileName = "stops.txt";

    // Parent chains are station <- platform <- boarding area in GTFS; the bound only guards against
    // cycles in a broken file.
    private const int MaxParentDepth = 8;

    private readonly Dictionary<string, string> _stationNames;

    /// <summary>A catalog with no stops.</summary>
    public static StopCatalog Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), 0);

    private StopCatalog(Dictionary<string, string> stationNames, int count)
    {
        _stationNames = stationNames;
        Count = count;
    }

    /// <summary>The number of stops in the catalog.</summary>
    public int Count { get; }

    /// <summary>Reads a catalog from the text of a <c>stops.txt</c> (any column order, quoted fields, BOM).</summary>
    /// <param name="reader">The CSV text.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="FormatException">The text has no <c>stop_id</c> or <c>stop_name</c> column, or a
    /// quoted field is never closed.</exception>
    public static StopCatalog ParseStopsTxt(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);

        var csv = new CsvRecordReader(reader);
        var fields = new List<string>();
        if (!csv.TryReadRecord(fields))
        {
            throw new FormatException($"{StopsFileName} is empty: it has no header row.");
        }

        var stopIdColumn = fields.FindIndex(f => IsColumn(f, "stop_id"));
        var stopNameColumn = fields.FindIndex(f => IsColumn(f, "stop_name"));
        var parentColumn = fields.FindIndex(f => IsColumn(f, "parent_station"));
        if (stopIdColumn < 0 || stopNameColumn < 0)
        {
            var missing = stopIdColumn < 0 && stopNameColumn < 0 ? "'stop_id' and 'stop_name' columns"
                : stopIdColumn < 0 ? "'stop_id' column" : "'stop_name' column";
            throw new FormatException($"{StopsFileName} has no {missing} (its header is: {string.Join(",", fields)}).");
        }

        var stops = new Dictionary<string, (string Name, string Parent)>(StringComparer.Ordinal);
        while (csv.TryReadRecord(fields))
        {
            var stopId = Field(fields, stopIdColumn);
            if (stopId.Length > 0)
            {
                // A repeated stop id keeps its first row, as GTFS consumers commonly do.
                stops.TryAdd(stopId, (Field(fields, stopNameColumn), Field(fields, parentColumn)));
            }
        }

        var stationNames = new Dictionary<string, string>(stops.Count, StringComparer.Ordinal);
        foreach (var (stopId, stop) in stops)
        {
            if (StationName(stop, stops) is { } name)
            {
                stationNames.Add(stopId, name);
            }
        }

        return new StopCatalog(stationNames, stops.Count);
    }

    /// <summary>Reads a catalog from a GTFS zip's <c>stops.txt</c>, at the archive's root or inside its
    /// one top-level folder.</summary>
    /// <param name="zip">The zip archive's bytes.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="FormatException">The archive has no usable <c>stops.txt</c>.</exception>
    public static StopCatalog ParseGtfsZip(Stream zip)
    {
        ArgumentNullException.ThrowIfNull(zip);

        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            var entry = FindStopsEntry(archive);
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return ParseStopsTxt(reader);
        }
        catch (InvalidDataException e)
        {
            throw new FormatException($"The GTFS zip is not a readable zip archive: {e.Message}", e);
        }
    }

    /// <summary>Reads a catalog from a file: a GTFS zip (recognised by its content, not its name) or a
    /// <c>stops.txt</c>.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="FormatException">The file is not a usable <c>stops.txt</c> or GTFS zip; the
    /// message names the file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static StopCatalog Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        using var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        var read = file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        file.Position = 0;
        try
        {
            if (read == magic.Length && magic[0] == (byte)'P' && magic[1] == (byte)'K')
            {
                return ParseGtfsZip(file);
            }

            using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return ParseStopsTxt(reader);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>The station name for a stop id: the parent station's name when the stop has one,
    /// else the stop's own name.</summary>
    /// <param name="stopId">A stop or platform id.</param>
    /// <param name="name">The name, when found.</param>
    /// <returns>True when the stop id is known and has a name (its own or its station's).</returns>
    public bool TryGetStationName(string stopId, [NotNullWhen(true)] out string? name)
    {
        ArgumentNullException.ThrowIfNull(stopId);
        return _stationNames.TryGetValue(stopId, out name);
    }

    private static string? StationName((string Name, string Parent) stop, Dictionary<string, (string Name, string Parent)> stops)
    {
        var name = stop.Name.Length > 0 ? stop.Name : null;
        var current = stop;
        for (var depth = 0; depth < MaxParentDepth && current.Parent.Length > 0 && stops.TryGetValue(current.Parent, out current); depth++)
        {
            if (current.Name.Length > 0)
            {
                name = current.Name;
            }
        }

        return name;
    }

    private static ZipArchiveEntry FindStopsEntry(ZipArchive archive)
    {
        var inFolders = new List<ZipArchiveEntry>();
        foreach (var entry in archive.Entries)
        {
            var parts = entry.FullName.Split('/', '\\');
            if (!string.Equals(parts[^1], StopsFileName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (parts.Length == 1)
            {
                return entry;
            }

            if (parts.Length == 2)
            {
                inFolders.Add(entry);
            }
        }

        return inFolders.Count switch
        {
            1 => inFolders[0],
            0 => throw new FormatException($"The GTFS zip has no {StopsFileName} at its root or in a top-level folder."),
            _ => throw new FormatException(
                $"The GTFS zip has no {StopsFileName} at its root and one in each of several folders ({string.Join(", ", inFolders.Select(e => e.FullName))}); which one to use is unclear."),
        };
    }

    private static bool IsColumn(string headerField, string column) =>
        string.Equals(headerField.Trim(), column, StringComparison.OrdinalIgnoreCase);

    // Short rows are common in hand-edited files: a missing trailing field reads as empty.
    private static string Field(List<string> fields, int column) =>
        column >= 0 && column < fields.Count ? fields[column].Trim() : string.Empty;
}
