namespace TransitDash.Feeds.GtfsRealtime.Internal;

/// <summary>Which agency extension a feed is read with. The MTA's NYCT (trip feeds) and Mercury
/// (alert feeds) extensions both take field number 1001 on the same messages, so no single
/// extension registry can hold both: the caller says which kind of feed it fetched.</summary>
internal enum FeedDialect
{
    /// <summary>Trip feeds: the NYCT extension on the header, trip descriptors and stop time updates.</summary>
    NyctTrips,

    /// <summary>Alert feeds: the Mercury extension on the header, alerts and entity selectors.</summary>
    MercuryAlerts,
}
