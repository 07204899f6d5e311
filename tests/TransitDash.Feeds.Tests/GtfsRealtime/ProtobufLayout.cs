namespace TransitDash.Feeds.Tests.GtfsRealtime;

/// <summary>The top-level fields of a protobuf payload, walked at the wire level, so corruption tests
/// can cut or flip bytes at places whose effect is known (inside a field, in a length prefix).</summary>
internal static class ProtobufLayout
{
    /// <summary>One top-level field: where its tag, length prefix and value sit.</summary>
    internal readonly record struct Field(int FieldNumber, int TagStart, int LengthStart, int ValueStart, int End);

    /// <summary>Walks the top-level fields; every one must be length-delimited, as in a FeedMessage.</summary>
    public static IReadOnlyList<Field> TopLevelFields(byte[] payload)
    {
        var fields = new List<Field>();
        var position = 0;
        while (position < payload.Length)
        {
            var tagStart = position;
            var tag = ReadVarint(payload, ref position);
            Assert.Equal(2UL, tag & 7);
            var lengthStart = position;
            var length = (int)ReadVarint(payload, ref position);
            fields.Add(new Field((int)(tag >> 3), tagStart, lengthStart, position, position + length));
            position += length;
        }

        Assert.Equal(payload.Length, position);
        return fields;
    }

    private static ulong ReadVarint(byte[] payload, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = payload[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
