using Google.Protobuf;
using TransitDash.Feeds.GtfsRealtime.Wire;

namespace TransitDash.Testing;

/// <summary>Variations of recorded GTFS-Realtime payloads that tests need and no recording has.</summary>
public static class GtfsRealtimeRecordings
{
    /// <summary>A recording with its header time replaced; every other field, extensions included, is kept.</summary>
    /// <param name="recording">The recorded payload.</param>
    /// <param name="headerTime">The new header time (whole seconds are kept).</param>
    /// <returns>The payload.</returns>
    public static byte[] WithHeaderTime(byte[] recording, DateTimeOffset headerTime)
    {
        // Parsed without an extension registry, extensions ride along as unknown fields and are written back as they were.
        var message = FeedMessage.Parser.ParseFrom(recording);
        message.Header.Timestamp = (ulong)headerTime.ToUnixTimeSeconds();
        return message.ToByteArray();
    }

    /// <summary>The header time of a payload.</summary>
    /// <param name="payload">A GTFS-Realtime payload.</param>
    /// <returns>The header time.</returns>
    public static DateTimeOffset HeaderTime(byte[] payload) =>
        DateTimeOffset.FromUnixTimeSeconds((long)FeedMessage.Parser.ParseFrom(payload).Header.Timestamp);
}
