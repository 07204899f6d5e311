namespace TransitDash.Feeds.Gbfs;

/// <summary>Parses GBFS 1.1, 2.x and 3.0 documents. Unknown members are ignored; a document that is not
/// JSON or lacks a required member throws <see cref="FeedPayloadException"/>.</summary>
public static class GbfsParser
{
    /// <summary>Parses a <c>gbfs.json</c> discovery document.</summary>
    /// <param name="feedName">The configured name of the source, used in errors.</param>
    /// <param name="utf8Json">The document.</param>
    /// <param name="language">The preferred language; when the document lacks it, the first listed one is used.</param>
    /// <returns>The discovery.</returns>
    /// <exception cref="FeedPayloadException">The document is not a valid discovery document.</exception>
    public static GbfsDiscovery ParseDiscovery(string feedName, ReadOnlySpan<byte> utf8Json, string language = "en")
        => throw new NotImplementedException();

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
        => throw new NotImplementedException();
}
