using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace TransitDash.Feeds.GtfsRealtime.Internal;

/// <summary>A forward reader over one protobuf message's bytes, for readers that decode only what they
/// need. It accepts plain, well-formed protobuf only: anything else (malformed bytes, a string that is not
/// UTF-8, nesting deeper than <see cref="MaxDepth"/>, an end-group tag outside a group, wire types 6 and
/// 7) throws <see cref="WireFallbackException"/>, and the caller hands the whole payload to the typed
/// parser, which either rejects it with its own words or reads what this reader declined.</summary>
/// <remarks>Positions are offsets into the whole payload, so a <see cref="Utf8Slice"/> taken inside a
/// nested message still points at the right bytes once the cursor is gone.</remarks>
internal ref struct WireCursor
{
    /// <summary>How deep messages and groups may nest here; the typed parser allows 100, so anything this
    /// reader accepts, it accepts too.</summary>
    public const int MaxDepth = 64;

    private readonly ReadOnlySpan<byte> _payload;
    private readonly int _end;
    private int _position;

    /// <summary>A cursor over the whole payload.</summary>
    public WireCursor(ReadOnlySpan<byte> payload)
        : this(payload, 0, payload.Length)
    {
    }

    private WireCursor(ReadOnlySpan<byte> payload, int start, int end)
    {
        _payload = payload;
        _position = start;
        _end = end;
    }

    /// <summary>True while bytes of this message remain.</summary>
    public readonly bool HasMore => _position < _end;

    /// <summary>Reads a field tag; a field number of 0 is malformed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint ReadTag()
    {
        // Like Google.Protobuf, keep the low 32 bits of a longer varint.
        var tag = (uint)ReadVarint();
        if (tag < 8)
        {
            WireFallbackException.Throw("invalid field tag");
        }

        return tag;
    }

    /// <summary>Reads a varint of up to ten bytes (bits past the 64th are dropped, as Google.Protobuf does).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ReadVarint()
    {
        if (_position < _end)
        {
            var first = _payload[_position];
            if (first < 0x80)
            {
                _position++;
                return first;
            }
        }

        return ReadLongVarint();
    }

    /// <summary>Reads a length-delimited message and returns a cursor over its bytes.</summary>
    /// <param name="depth">The nesting depth of the message being entered.</param>
    public WireCursor ReadMessage(int depth)
    {
        if (depth > MaxDepth)
        {
            WireFallbackException.Throw("messages nested too deeply");
        }

        var length = ReadLength();
        var inner = new WireCursor(_payload, _position, _position + length);
        _position += length;
        return inner;
    }

    /// <summary>Reads a string field, checking that it is UTF-8, and returns where its bytes are.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Utf8Slice ReadString()
    {
        var length = ReadLength();
        var start = _position;
        _position += length;
        CheckUtf8(_payload.Slice(start, length));
        return new Utf8Slice(start, length);
    }

    /// <summary>Skips a bytes field.</summary>
    public void SkipBytes()
    {
        // Not "_position += ReadLength()": that reads _position before the length prefix moves it.
        var length = ReadLength();
        _position += length;
    }

    /// <summary>Reads a fixed32 field's four bytes.</summary>
    public uint ReadFixed32()
    {
        Need(4);
        var value = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(_payload.Slice(_position, 4));
        _position += 4;
        return value;
    }

    /// <summary>Skips a fixed64 field's eight bytes.</summary>
    public void SkipFixed64()
    {
        Need(8);
        _position += 8;
    }

    /// <summary>Skips a field no schema names, by its wire type: groups are walked to their end tag.</summary>
    /// <param name="tag">The field's tag.</param>
    /// <param name="depth">The depth of the message holding the field.</param>
    public void SkipUnknown(uint tag, int depth)
    {
        switch (tag & 7)
        {
            case 0:
                ReadVarint();
                break;
            case 1:
                SkipFixed64();
                break;
            case 2:
                SkipBytes();
                break;
            case 3:
                SkipGroup(tag, depth + 1);
                break;
            case 5:
                ReadFixed32();
                break;
            default:
                // 4 is an end-group tag with no group open; 6 and 7 are not wire types.
                WireFallbackException.Throw($"wire type {tag & 7} outside a group");
                break;
        }
    }

    /// <summary>The bytes a slice points at (empty for an absent one).</summary>
    public readonly ReadOnlySpan<byte> Bytes(Utf8Slice slice) => slice.IsPresent ? _payload.Slice(slice.Start, slice.Length) : default;

    /// <summary>Throws unless the bytes are UTF-8, as Google.Protobuf requires of every string field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckUtf8(ReadOnlySpan<byte> bytes)
    {
        if (!Ascii.IsValid(bytes) && !Utf8.IsValid(bytes))
        {
            WireFallbackException.Throw("a string is not valid UTF-8");
        }
    }

    private void SkipGroup(uint startTag, int depth)
    {
        if (depth > MaxDepth)
        {
            WireFallbackException.Throw("groups nested too deeply");
        }

        var endTag = (startTag & ~7u) | 4;
        while (true)
        {
            if (!HasMore)
            {
                WireFallbackException.Throw("a group has no end tag");
            }

            var tag = ReadTag();
            if (tag == endTag)
            {
                return;
            }

            SkipUnknown(tag, depth);
        }
    }

    private int ReadLength()
    {
        // Google.Protobuf reads lengths as the low 32 bits, as a signed int.
        var length = (int)(uint)ReadVarint();
        if (length < 0 || length > _end - _position)
        {
            WireFallbackException.Throw("a length runs past its message");
        }

        return length;
    }

    private void Need(int count)
    {
        if (_end - _position < count)
        {
            WireFallbackException.Throw("a fixed-size field runs past its message");
        }
    }

    private ulong ReadLongVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _end)
            {
                WireFallbackException.Throw("a varint runs past its message");
            }

            var b = _payload[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        WireFallbackException.Throw("a varint is longer than ten bytes");
        return 0;
    }
}
