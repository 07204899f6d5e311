namespace TransitDash.Feeds.Internal;

/// <summary>Every log message of TransitDash.Feeds, source-generated, with fixed event ids (1000-1999).
/// Each area keeps its messages in its own part (<c>Log.&lt;Area&gt;.cs</c>) and its own id block:
/// GTFS-Realtime parsing 1000-1099, arrivals 1100-1199, GBFS 1200-1299, HTTP 1300-1399.
/// Messages never carry secrets or keyed URLs.</summary>
internal static partial class Log
{
}
