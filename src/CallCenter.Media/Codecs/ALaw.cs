using System.Numerics;

namespace CallCenter.Media.Codecs;

/// <summary>
/// G.711 A-law. Tables computed once from the law's segment rule: a linear first segment of step 2 and seven
/// doubling segments over a 13-bit magnitude, negatives as one's complement (ITU-T G.191), even bits inverted
/// on the wire. Encoding depends only on the top 13 bits of a 16-bit sample: one 8 KiB table.
/// </summary>
public static class ALaw
{
    private const int MaxMagnitude = 0x0FFF;
    private const int EvenBitMask = 0x55;

    private static readonly short[] DecodeTable = BuildDecodeTable();
    private static readonly byte[] EncodeTable = BuildEncodeTable();

    public static short Decode(byte code) => DecodeTable[code];

    public static byte Encode(short sample) => EncodeTable[(sample >> 3) + 4096];

    public static void Encode(ReadOnlySpan<short> samples, Span<byte> codes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(codes.Length, samples.Length, nameof(codes));
        for (var i = 0; i < samples.Length; i++)
        {
            codes[i] = EncodeTable[(samples[i] >> 3) + 4096];
        }
    }

    public static void Decode(ReadOnlySpan<byte> codes, Span<short> samples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples.Length, codes.Length, nameof(samples));
        for (var i = 0; i < codes.Length; i++)
        {
            samples[i] = DecodeTable[codes[i]];
        }
    }

    /// <summary>Encodes one 13-bit two's-complement value (-4096..4095) by the segment rule.</summary>
    internal static byte Compress(int value13)
    {
        var negative = value13 < 0;
        var magnitude = Math.Min(negative ? ~value13 : value13, MaxMagnitude);
        int code;
        if (magnitude < 32)
        {
            code = magnitude >> 1;
        }
        else
        {
            var segment = BitOperations.Log2((uint)magnitude) - 4;
            code = (segment << 4) | ((magnitude >> segment) & 0x0F);
        }

        // Unlike μ-law, the sign bit is 1 for positive values before the even-bit inversion.
        return (byte)((negative ? code : code | 0x80) ^ EvenBitMask);
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (var code = 0; code < 256; code++)
        {
            var plain = code ^ EvenBitMask;
            var segment = (plain >> 4) & 0x07;
            var step = plain & 0x0F;
            // Reconstruction at the middle of each interval: (2·step + 1) in segment 0, (2·step + 33)·2^(segment−1)
            // above, on the 13-bit scale; times 8 for 16 bits.
            var magnitude = segment == 0 ? (step << 4) + 8 : ((step << 4) + 264) << (segment - 1);
            table[code] = (short)((plain & 0x80) != 0 ? magnitude : -magnitude);
        }

        return table;
    }

    private static byte[] BuildEncodeTable()
    {
        var table = new byte[8192];
        for (var value = -4096; value < 4096; value++)
        {
            table[value + 4096] = Compress(value);
        }

        return table;
    }
}
