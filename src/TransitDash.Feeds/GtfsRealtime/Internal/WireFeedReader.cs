using Google.Protobuf;
using TransitDash.Feeds.GtfsRealtime.Wire;
using TransitDash.Feeds.GtfsRealtime.Wire.Mercury;
using TransitDash.Feeds.GtfsRealtime.Wire.Nyct;

namespace TransitDash.Feeds.GtfsRealtime.Internal;

/// <summary>Turns payload bytes into the generated <see cref="FeedMessage"/> with one dialect's
/// extension registry, reporting malformed bytes as <see cref="FeedPayloadException"/>.</summary>
internal sealed class WireFeedReader
{
    // Google.Protobuf reports every malformation with the one exception type; its messages are
    // long and written for protobuf authors, so the common ones get a short name here. Anything
    // unrecognised keeps the library's own words.
    private static readonly (string Clue, string Problem)[] KnownProblems =
    [
        ("ended unexpectedly", "truncated message: the bytes end in the middle of a field"),
        ("invalid tag", "malformed protobuf: invalid field tag"),
        ("invalid wire type", "malformed protobuf: invalid wire type"),
        ("negative size", "malformed protobuf: a length prefix is negative"),
        ("malformed varint", "malformed protobuf: malformed varint"),
        ("end-group", "malformed protobuf: mismatched group tags"),
        ("more data was available", "malformed protobuf: a group ends where none began"),
        ("invalid UTF-8", "malformed protobuf: a string is not valid UTF-8"),
        ("levels of nesting", "malformed protobuf: messages nested too deeply"),
        ("recursion", "malformed protobuf: messages nested too deeply"),
        ("too large", "malformed protobuf: message too large"),
    ];

    private readonly MessageParser<FeedMessage> parser;

    private WireFeedReader(FeedDialect dialect, ExtensionRegistry registry)
    {
        Dialect = dialect;

        // Unknown fields are never written back out, so keeping them would only cost memory.
        parser = FeedMessage.Parser.WithExtensionRegistry(registry).WithDiscardUnknownFields(true);
    }

    /// <summary>Reads trip feeds, with the NYCT extension.</summary>
    public static WireFeedReader NyctTrips { get; } = new(
        FeedDialect.NyctTrips,
        new ExtensionRegistry
        {
            NyctSubwayExtensions.NyctFeedHeader,
            NyctSubwayExtensions.NyctTripDescriptor,
            NyctSubwayExtensions.NyctStopTimeUpdate,
        });

    /// <summary>Reads alert feeds, with the Mercury extension.</summary>
    public static WireFeedReader MercuryAlerts { get; } = new(
        FeedDialect.MercuryAlerts,
        new ExtensionRegistry
        {
            MercuryExtensions.MercuryFeedHeader,
            MercuryExtensions.MercuryAlert,
            MercuryExtensions.MercuryEntitySelector,
        });

    /// <summary>The extension this reader understands.</summary>
    public FeedDialect Dialect { get; }

    /// <summary>Parses the bytes. Google.Protobuf does not enforce proto2 <c>required</c> members
    /// on parse: the mapper checks the ones it reads.</summary>
    /// <param name="feedName">The feed's name, for errors.</param>
    /// <param name="payload">The bytes.</param>
    /// <returns>The wire message.</returns>
    /// <exception cref="FeedPayloadException">The bytes are not a protobuf message.</exception>
    public FeedMessage Parse(string feedName, ReadOnlySpan<byte> payload)
    {
        try
        {
            return parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new FeedPayloadException(feedName, Describe(ex), ex);
        }
        catch (Exception ex) when (ex is IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException)
        {
            // Google.Protobuf's span reader can overrun instead of reporting some length prefixes that run past
            // the end (a field claiming 2 GB in a 6-byte payload): the same bad payload, under another name.
            throw new FeedPayloadException(feedName, $"malformed protobuf (a length prefix runs past the end of the {payload.Length}-byte payload)", ex);
        }
    }

    private static string Describe(InvalidProtocolBufferException ex)
    {
        var message = ex.Message;
        foreach (var (clue, problem) in KnownProblems)
        {
            if (message.Contains(clue, StringComparison.OrdinalIgnoreCase))
            {
                return problem;
            }
        }

        return $"malformed protobuf ({message})";
    }
}
