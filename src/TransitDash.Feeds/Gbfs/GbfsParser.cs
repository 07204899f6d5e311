using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TransitDash.Feeds.Gbfs.Internal;

namespace TransitDash.Feeds.Gbfs;

/// <summary>Parses GBFS 1.1, 2.x and 3.0 documents. Unknown members are ignored; a document that is not
/// JSON or lacks a required member throws <see cref="FeedPayloadException"/>.</summary>
/// <remarks>Each document is read by its shape rather than its <c>version</c>: 0/1 or boolean flags,
/// epoch seconds or RFC 3339 times, plain or localized names, <c>num_bikes_available</c> or
/// <c>num_vehicles_available</c>. Required are <c>data</c>, its list, and per entry the members that a
/// dock status cannot do without: ids, station names and positions, the bike count and the three flags.
/// A later entry repeating an id is ignored.</remarks>
public static class GbfsParser
{
    /// <summary>The GBFS version assumed when a document has no <c>version</c> (1.0 and some 1.1 feeds).</summary>
    private const string DefaultVersion = "1.1";

    /// <summary>Parses a <c>gbfs.json</c> discovery document.</summary>
    /// <param name="feedName">The configured name of the source, used in errors.</param>
    /// <param name="utf8Json">The document.</param>
    /// <param name="language">The preferred language; when the document lacks it, the first listed one is used.</param>
    /// <returns>The discovery.</returns>
    /// <exception cref="FeedPayloadException">The document is not a valid discovery document.</exception>
    public static GbfsDiscovery ParseDiscovery(string feedName, ReadOnlySpan<byte> utf8Json, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(feedName);
        ArgumentNullException.ThrowIfNull(language);

        const string Document = "gbfs.json";
        var document = Read(feedName, Document, utf8Json, GbfsJsonContext.Default.DiscoveryDocument);
        var data = document.Data!;

        IReadOnlyList<string> languages;
        List<DiscoveryFeedWire?> feeds;
        if (data.Feeds is not null)
        {
            languages = [];
            feeds = data.Feeds;
        }
        else if (data.Languages.Count > 0)
        {
            languages = data.Languages.Select(l => l.Key).ToArray();
            feeds = data.Languages[GbfsLanguage.Choose(data.Languages, l => l.Key, language)].Value;
        }
        else
        {
            throw Bad(feedName, $"{Document} has neither data.feeds (3.0) nor data.<language>.feeds (1.1/2.x)");
        }

        var byName = new Dictionary<string, Uri>(feeds.Count, StringComparer.Ordinal);
        for (var i = 0; i < feeds.Count; i++)
        {
            var feed = feeds[i];
            if (string.IsNullOrEmpty(feed?.Name))
            {
                throw Bad(feedName, $"{Document}: feeds[{i}] has no name");
            }

            if (!Uri.TryCreate(feed.Url, UriKind.Absolute, out var url))
            {
                throw Bad(feedName, $"{Document}: feed '{feed.Name}' has no absolute url");
            }

            byName.TryAdd(feed.Name, url);
        }

        return new GbfsDiscovery(document.Version ?? DefaultVersion, document.LastUpdated, document.Ttl, languages, byName);
    }

    /// <summary>Parses and joins <c>station_information</c>, <c>station_status</c> and (optionally) <c>vehicle_types</c>.</summary>
    /// <param name="feedName">The configured name of the source, used in errors.</param>
    /// <param name="stationInformation">The station information document.</param>
    /// <param name="stationStatus">The station status document.</param>
    /// <param name="vehicleTypes">The vehicle types document, or empty when the system has none.</param>
    /// <param name="language">The language to pick for GBFS 3.0 localized names.</param>
    /// <returns>The joined system.</returns>
    /// <exception cref="FeedPayloadException">A document is not valid.</exception>
    public static GbfsSystem ParseSystem(
        string feedName,
        ReadOnlySpan<byte> stationInformation,
        ReadOnlySpan<byte> stationStatus,
        ReadOnlySpan<byte> vehicleTypes,
        string language = "en")
    {
        ArgumentNullException.ThrowIfNull(feedName);
        return ParseSystem(new DocumentFeeds(feedName, feedName, feedName), stationInformation, stationStatus, vehicleTypes, language);
    }

    /// <summary>Parses and joins the system's documents, each document's errors naming the feed it came from (so that
    /// a fetch that read several documents says which one was bad).</summary>
    internal static GbfsSystem ParseSystem(
        DocumentFeeds feeds,
        ReadOnlySpan<byte> stationInformation,
        ReadOnlySpan<byte> stationStatus,
        ReadOnlySpan<byte> vehicleTypes,
        string language)
    {
        ArgumentNullException.ThrowIfNull(language);

        var types = vehicleTypes.IsEmpty ? [] : ReadVehicleTypes(feeds.VehicleTypes, vehicleTypes, language);
        var statusDocument = Read(feeds.StationStatus, "station_status", stationStatus, GbfsJsonContext.Default.StationStatusDocument);
        var statuses = ReadStatuses(feeds.StationStatus, statusDocument.Data!);
        var stations = ReadStations(feeds.StationInformation, stationInformation, language, statuses.ById);
        var statusOnly = statuses.Order.Where(id => !stations.Ids.Contains(id)).ToArray();

        return new GbfsSystem(
            statusDocument.Version ?? DefaultVersion,
            statusDocument.LastUpdated,
            statusDocument.Ttl,
            stations.List,
            statusOnly,
            types);
    }

    private static (List<BikeStation> List, HashSet<string> Ids) ReadStations(
        string feedName,
        ReadOnlySpan<byte> utf8Json,
        string language,
        Dictionary<string, BikeStationStatus> statuses)
    {
        const string Document = "station_information";
        var wires = Read(feedName, Document, utf8Json, GbfsJsonContext.Default.StationInformationDocument).Data!.Stations
            ?? throw Bad(feedName, $"{Document} has no data.stations list");

        var stations = new List<BikeStation>(wires.Count);
        var ids = new HashSet<string>(wires.Count, StringComparer.Ordinal);
        for (var i = 0; i < wires.Count; i++)
        {
            var wire = wires[i];
            var id = RequireId(feedName, Document, "stations", i, wire?.StationId, "station_id");
            var name = wire!.Name?.Pick(language);
            if (string.IsNullOrEmpty(name))
            {
                throw Bad(feedName, $"{Document}: station '{id}' has no name");
            }

            if (wire.Lat is not { } latitude || wire.Lon is not { } longitude)
            {
                throw Bad(feedName, $"{Document}: station '{id}' has no lat/lon");
            }

            if (ids.Add(id))
            {
                stations.Add(new BikeStation(id, name, latitude, longitude, wire.Capacity, statuses.GetValueOrDefault(id)));
            }
        }

        return (stations, ids);
    }

    private static (Dictionary<string, BikeStationStatus> ById, List<string> Order) ReadStatuses(string feedName, StationStatusData data)
    {
        const string Document = "station_status";
        var wires = data.Stations ?? throw Bad(feedName, $"{Document} has no data.stations list");

        var statuses = new Dictionary<string, BikeStationStatus>(wires.Count, StringComparer.Ordinal);
        var order = new List<string>(wires.Count);
        for (var i = 0; i < wires.Count; i++)
        {
            var wire = wires[i];
            var id = RequireId(feedName, Document, "stations", i, wire?.StationId, "station_id");
            if (statuses.ContainsKey(id))
            {
                continue;
            }

            var bikes = wire!.NumBikesAvailable ?? wire.NumVehiclesAvailable
                ?? throw Bad(feedName, $"{Document}: station '{id}' has neither num_bikes_available nor num_vehicles_available");
            var isInstalled = wire.IsInstalled ?? throw Missing(feedName, Document, id, "is_installed");
            var isRenting = wire.IsRenting ?? throw Missing(feedName, Document, id, "is_renting");
            var isReturning = wire.IsReturning ?? throw Missing(feedName, Document, id, "is_returning");

            order.Add(id);
            statuses.Add(id, new BikeStationStatus(
                bikes,
                wire.NumEbikesAvailable,
                wire.NumDocksAvailable,
                isInstalled,
                isRenting,
                isReturning,
                wire.LastReported,
                ReadCounts(feedName, Document, id, wire.VehicleTypesAvailable)));
        }

        return (statuses, order);
    }

    private static VehicleTypeCount[] ReadCounts(string feedName, string document, string stationId, List<VehicleTypeCountWire?>? wires)
    {
        if (wires is null || wires.Count == 0)
        {
            return [];
        }

        var counts = new VehicleTypeCount[wires.Count];
        for (var i = 0; i < wires.Count; i++)
        {
            var wire = wires[i];
            if (string.IsNullOrEmpty(wire?.VehicleTypeId) || wire.Count is not { } count)
            {
                throw Bad(feedName, $"{document}: station '{stationId}' vehicle_types_available[{i}] needs vehicle_type_id and count");
            }

            counts[i] = new VehicleTypeCount(wire.VehicleTypeId, count);
        }

        return counts;
    }

    private static List<GbfsVehicleType> ReadVehicleTypes(string feedName, ReadOnlySpan<byte> utf8Json, string language)
    {
        const string Document = "vehicle_types";
        var wires = Read(feedName, Document, utf8Json, GbfsJsonContext.Default.VehicleTypesDocument).Data!.VehicleTypes
            ?? throw Bad(feedName, $"{Document} has no data.vehicle_types list");

        var types = new List<GbfsVehicleType>(wires.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < wires.Count; i++)
        {
            var wire = wires[i];
            var id = RequireId(feedName, Document, "vehicle_types", i, wire?.VehicleTypeId, "vehicle_type_id");
            if (string.IsNullOrEmpty(wire!.FormFactor) || string.IsNullOrEmpty(wire.PropulsionType))
            {
                throw Bad(feedName, $"{Document}: vehicle type '{id}' needs form_factor and propulsion_type");
            }

            if (ids.Add(id))
            {
                types.Add(new GbfsVehicleType(id, wire.FormFactor, wire.PropulsionType, wire.Name?.Pick(language)));
            }
        }

        return types;
    }

    private static GbfsDocument<TData> Read<TData>(
        string feedName,
        string document,
        ReadOnlySpan<byte> utf8Json,
        JsonTypeInfo<GbfsDocument<TData>> typeInfo)
        where TData : class
    {
        // Files saved by some tools start with a byte order mark, which the JSON reader rejects.
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        if (utf8Json.IsEmpty)
        {
            throw Bad(feedName, $"{document} is empty");
        }

        GbfsDocument<TData>? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(utf8Json, typeInfo);
        }
        catch (JsonException error)
        {
            throw new FeedPayloadException(feedName, $"{document} is not valid GBFS JSON: {Describe(error)}", error);
        }

        if (parsed is null)
        {
            throw Bad(feedName, $"{document} is null instead of an object");
        }

        return parsed.Data is null ? throw Bad(feedName, $"{document} has no data object") : parsed;
    }

    private static string RequireId(string feedName, string document, string list, int index, string? id, string member)
        => string.IsNullOrEmpty(id) ? throw Bad(feedName, $"{document}: data.{list}[{index}] has no {member}") : id;

    private static string Describe(JsonException error)
    {
        // The serializer's own wording for a mistyped value names our internal wire types, which tells
        // the reader of a log nothing; the path and position do.
        if (error.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return $"a value of the wrong type at {error.Path} (line {error.LineNumber + 1}).";
        }

        // Messages the serializer makes already end with the path; ours (from converters) do not.
        return error.Path is { } path && !error.Message.Contains(path, StringComparison.Ordinal)
            ? $"{error.Message} Path: {path}."
            : error.Message;
    }

    private static FeedPayloadException Missing(string feedName, string document, string stationId, string member)
        => Bad(feedName, $"{document}: station '{stationId}' has no {member}");

    private static FeedPayloadException Bad(string feedName, string problem) => new(feedName, problem);

    /// <summary>The feed names that errors of each system document carry.</summary>
    internal readonly record struct DocumentFeeds(string StationInformation, string StationStatus, string VehicleTypes);
}
