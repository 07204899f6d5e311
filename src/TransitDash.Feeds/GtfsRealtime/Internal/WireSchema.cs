using System.Collections.Frozen;
using Google.Protobuf.Reflection;
using TransitDash.Feeds.GtfsRealtime.Wire;
using TransitDash.Feeds.GtfsRealtime.Wire.Nyct;

namespace TransitDash.Feeds.GtfsRealtime.Internal;

/// <summary>What the typed trip-feed parser checks in one message type, for the wire readers to check the
/// same in the parts they skip: a string must be UTF-8, a known nested message must itself be well formed,
/// a field with a tag the message does not declare is skipped by wire type. Built once from the generated
/// descriptors plus the NYCT extensions (the registry the typed trip-feed parser uses), so it follows
/// the .proto files rather than a second copy of them.</summary>
internal sealed class WireSchema
{
    private static readonly Dictionary<MessageDescriptor, WireSchema> Built = [];

    private FrozenDictionary<uint, Rule> _rules = FrozenDictionary<uint, Rule>.Empty;
    private FrozenSet<uint> _extensionNumbers = FrozenSet<uint>.Empty;

    private WireSchema()
    {
    }

    private enum Kind
    {
        Varint,
        Fixed32,
        Fixed64,
        String,
        Bytes,
        Message,
        PackedVarints,
        PackedFixed32,
        PackedFixed64,
        Decline,
    }

    public static WireSchema FeedMessage { get; } = Of(Wire.FeedMessage.Descriptor);

    public static WireSchema FeedHeader { get; } = Of(Wire.FeedHeader.Descriptor);

    public static WireSchema FeedEntity { get; } = Of(Wire.FeedEntity.Descriptor);

    public static WireSchema TripUpdate { get; } = Of(Wire.TripUpdate.Descriptor);

    public static WireSchema StopTimeUpdate { get; } = Of(Wire.TripUpdate.Types.StopTimeUpdate.Descriptor);

    public static WireSchema StopTimeEvent { get; } = Of(Wire.TripUpdate.Types.StopTimeEvent.Descriptor);

    public static WireSchema TripDescriptor { get; } = Of(Wire.TripDescriptor.Descriptor);

    public static WireSchema NyctTripDescriptor { get; } = Of(Wire.Nyct.NyctTripDescriptor.Descriptor);

    public static WireSchema NyctStopTimeUpdate { get; } = Of(Wire.Nyct.NyctStopTimeUpdate.Descriptor);

    public static WireSchema VehiclePosition { get; } = Of(Wire.VehiclePosition.Descriptor);

    public static WireSchema Position { get; } = Of(Wire.Position.Descriptor);

    public static WireSchema Alert { get; } = Of(Wire.Alert.Descriptor);

    public static WireSchema TimeRange { get; } = Of(Wire.TimeRange.Descriptor);

    public static WireSchema TranslatedString { get; } = Of(Wire.TranslatedString.Descriptor);

    public static WireSchema Translation { get; } = Of(Wire.TranslatedString.Types.Translation.Descriptor);

    /// <summary>Checks one field whose tag was just read, the way the typed parser would read it.</summary>
    /// <param name="cursor">The cursor, just past the tag.</param>
    /// <param name="tag">The tag.</param>
    /// <param name="depth">The depth of the message holding the field.</param>
    public void CheckField(ref WireCursor cursor, uint tag, int depth)
    {
        if (!_rules.TryGetValue(tag, out var rule))
        {
            // A registered extension is read as a message whatever its wire type says; only the
            // typed parser knows what that makes of the bytes.
            if (_extensionNumbers.Contains(tag >> 3))
            {
                WireFallbackException.Throw($"extension {tag >> 3} with wire type {tag & 7}");
            }

            cursor.SkipUnknown(tag, depth);
            return;
        }

        switch (rule.Kind)
        {
            case Kind.Varint:
                cursor.ReadVarint();
                break;
            case Kind.Fixed32:
                cursor.ReadFixed32();
                break;
            case Kind.Fixed64:
                cursor.SkipFixed64();
                break;
            case Kind.String:
                cursor.ReadString();
                break;
            case Kind.Bytes:
                cursor.SkipBytes();
                break;
            case Kind.Message:
                var inner = cursor.ReadMessage(depth + 1);
                rule.Message!.CheckMessage(ref inner, depth + 1);
                break;
            case Kind.PackedVarints:
                var varints = cursor.ReadMessage(depth + 1);
                while (varints.HasMore)
                {
                    varints.ReadVarint();
                }

                break;
            case Kind.PackedFixed32:
            case Kind.PackedFixed64:
                var size = rule.Kind == Kind.PackedFixed32 ? 4 : 8;
                var values = cursor.ReadMessage(depth + 1);
                while (values.HasMore)
                {
                    if (size == 4)
                    {
                        values.ReadFixed32();
                    }
                    else
                    {
                        values.SkipFixed64();
                    }
                }

                break;
            default:
                WireFallbackException.Throw($"field {tag >> 3} is not read here");
                break;
        }
    }

    /// <summary>Checks every field of a message.</summary>
    /// <param name="cursor">A cursor over the message's bytes.</param>
    /// <param name="depth">The message's depth.</param>
    public void CheckMessage(ref WireCursor cursor, int depth)
    {
        while (cursor.HasMore)
        {
            CheckField(ref cursor, cursor.ReadTag(), depth);
        }
    }

    private static WireSchema Of(MessageDescriptor descriptor)
    {
        lock (Built)
        {
            return Build(descriptor);
        }
    }

    // Recursive message types are fine: a schema is registered before its fields are filled in.
    private static WireSchema Build(MessageDescriptor descriptor)
    {
        if (Built.TryGetValue(descriptor, out var existing))
        {
            return existing;
        }

        var schema = new WireSchema();
        Built.Add(descriptor, schema);

        var rules = new Dictionary<uint, Rule>();
        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            AddRules(rules, field);
        }

        var extensionNumbers = new HashSet<uint>();
        foreach (var extension in NyctSubwayReflection.Descriptor.Extensions.UnorderedExtensions)
        {
            if (extension.ExtendeeType == descriptor)
            {
                AddRules(rules, extension);
                extensionNumbers.Add((uint)extension.FieldNumber);
            }
        }

        schema._rules = rules.ToFrozenDictionary();
        schema._extensionNumbers = extensionNumbers.ToFrozenSet();
        return schema;
    }

    private static void AddRules(Dictionary<uint, Rule> rules, FieldDescriptor field)
    {
        var number = (uint)field.FieldNumber << 3;
        var (wireType, kind, packed) = field.FieldType switch
        {
            FieldType.Double or FieldType.Fixed64 or FieldType.SFixed64 => (1u, Kind.Fixed64, Kind.PackedFixed64),
            FieldType.Float or FieldType.Fixed32 or FieldType.SFixed32 => (5u, Kind.Fixed32, Kind.PackedFixed32),
            FieldType.String => (2u, Kind.String, Kind.Decline),
            FieldType.Bytes => (2u, Kind.Bytes, Kind.Decline),
            FieldType.Message => (2u, Kind.Message, Kind.Decline),
            FieldType.Group => (3u, Kind.Decline, Kind.Decline),
            _ => (0u, Kind.Varint, Kind.PackedVarints),
        };

        var message = kind == Kind.Message ? Build(field.MessageType) : null;
        rules[number | wireType] = new Rule(kind, message);

        // Generated code reads a repeated scalar both packed and unpacked, whatever the .proto says.
        if (field.IsRepeated && packed != Kind.Decline)
        {
            rules[number | 2] = new Rule(packed, null);
        }
    }

    private readonly record struct Rule(Kind Kind, WireSchema? Message);
}
