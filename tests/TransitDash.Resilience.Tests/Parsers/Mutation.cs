using System.Text;
using CsCheck;

namespace TransitDash.Resilience.Tests.Parsers;

/// <summary>A change to a recorded payload, at places given as fractions of its length so that one description fits
/// any recording. Printed by CsCheck when a case fails, so a failure says what was done.</summary>
internal abstract record Mutation
{
    /// <summary>Values a length field can claim that no payload of ours has room for.</summary>
    private static readonly ulong[] HugeLengths = [int.MaxValue, (ulong)int.MaxValue + 1, uint.MaxValue, long.MaxValue, ulong.MaxValue];

    public abstract byte[] Apply(byte[] payload);

    /// <summary>The changes that fit any bytes: truncations, bit flips and duplicated runs (which duplicate fields and
    /// their length prefixes).</summary>
    public static Gen<Mutation> AnyBytes { get; } = Gen.Frequency(
        (3, Gen.Double[0, 1].Select(at => (Mutation)new Truncate(at))),
        (4, Gen.Double[0, 1].Array[1, 8].Select(bits => (Mutation)new FlipBits(bits))),
        (3, Gen.Select(Gen.Double[0, 1], Gen.Int[1, 2048], Gen.Double[0, 1], (from, length, to) => (Mutation)new Duplicate(from, length, to))));

    /// <summary>Protobuf's own: a length-delimited field claiming a huge length, written over the bytes or between them.</summary>
    public static Gen<Mutation> Protobuf { get; } = Gen.Frequency(
        (6, AnyBytes),
        (3, Gen.Select(Gen.Double[0, 1], Gen.Int[1, 15], Gen.Int[0, HugeLengths.Length - 1], Gen.Bool, (at, field, huge, insert) =>
            (Mutation)new HugeLength(at, field, HugeLengths[huge], insert))));

    /// <summary>JSON's own: nesting deeper than any reader should follow, numbers no type holds, a long run of text.</summary>
    public static Gen<Mutation> Json { get; } = Gen.Frequency(
        (6, AnyBytes),
        (1, Gen.Select(Gen.Double[0, 1], Gen.Int[10, 100_000], (at, depth) => (Mutation)new InsertText(at, new string('[', depth)))),
        (1, Gen.Select(Gen.Double[0, 1], Gen.OneOf("1e999999", "-99999999999999999999999999", "1.7976931348623157e309", "0.0000000000000000000000000000000000001"), (at, number) => (Mutation)new InsertText(at, number))),
        (1, Gen.Select(Gen.Double[0, 1], Gen.Int[1, 1_000_000], (at, length) => (Mutation)new InsertText(at, "\"" + new string('x', length) + "\""))));

    private static int Index(double at, int length) => Math.Clamp((int)(at * length), 0, length);

    /// <summary>Keeps the bytes before a point.</summary>
    private sealed record Truncate(double At) : Mutation
    {
        public override byte[] Apply(byte[] payload) => payload[..Index(At, payload.Length)];
    }

    /// <summary>Flips single bits.</summary>
    private sealed record FlipBits(double[] Bits) : Mutation
    {
        public override byte[] Apply(byte[] payload)
        {
            var result = (byte[])payload.Clone();
            foreach (var bit in Bits)
            {
                var index = Math.Min((int)(bit * result.Length * 8), (result.Length * 8) - 1);
                if (index >= 0)
                {
                    result[index / 8] ^= (byte)(1 << (index % 8));
                }
            }

            return result;
        }

        public override string ToString() => $"FlipBits [{string.Join(", ", Bits.Select(b => b.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture)))}]";
    }

    /// <summary>Copies a run of bytes to another place, between the bytes there.</summary>
    private sealed record Duplicate(double From, int Length, double To) : Mutation
    {
        public override byte[] Apply(byte[] payload)
        {
            var from = Index(From, payload.Length);
            var run = payload.AsSpan(from, Math.Min(Length, payload.Length - from));
            var to = Index(To, payload.Length);
            return [.. payload.AsSpan(0, to), .. run, .. payload.AsSpan(to)];
        }
    }

    /// <summary>A length-delimited field (wire type 2) whose varint length is huge, written over or between the bytes.</summary>
    private sealed record HugeLength(double At, int Field, ulong Length, bool Insert) : Mutation
    {
        public override byte[] Apply(byte[] payload)
        {
            var field = new List<byte> { (byte)((Field << 3) | 2) };
            for (var value = Length; ; value >>= 7)
            {
                field.Add((byte)((value & 0x7F) | (value > 0x7F ? 0x80u : 0)));
                if (value <= 0x7F)
                {
                    break;
                }
            }

            var at = Index(At, payload.Length);
            var rest = Insert ? payload.AsSpan(at) : payload.AsSpan(Math.Min(at + field.Count, payload.Length));
            return [.. payload.AsSpan(0, at), .. field, .. rest];
        }
    }

    /// <summary>Text put between the bytes.</summary>
    private sealed record InsertText(double At, string Text) : Mutation
    {
        public override byte[] Apply(byte[] payload)
        {
            var at = Index(At, payload.Length);
            return [.. payload.AsSpan(0, at), .. Encoding.UTF8.GetBytes(Text), .. payload.AsSpan(at)];
        }

        public override string ToString() => $"InsertText {{ At = {At}, Text = {(Text.Length > 40 ? $"{Text[..20]}... ({Text.Length} chars)" : Text)} }}";
    }
}
