using System.Numerics;

namespace CallCenter.Media.Codecs;

/// <summary>
/// G.711 μ-law. The tables are computed once from the law's segment rule: 8 segments of 16 steps over a 14-bit
/// magnitude offset by 33, negatives taken as one's complement (as the ITU-T G.191 reference does), so encoding
/// depends only on the top 14 bits of a 16-bit sample and one 16 KiB table serves every input.
/// </summary>
public static class MuLaw
{
    private const int Bias = 33;
    private const int MaxBiased = 0x1FFF;

    private static readonly short[] DecodeTable = BuildDecodeTable();
    private static readonly byte[] EncodeTable = BuildEncodeTable();

    public static short Decode(byte code) => DecodeTable[code];

    public static byte Encode(short sample) => EncodeTable[(sample >> 2) + 8192];

    public static void Encode(ReadOnlySpan<short> samples, Span<byte> codes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(codes.Length, samples.Length, nameof(codes));
        for (var i = 0; i < samples.Length; i++)
        {
            codes[i] = EncodeTable[(samples[i] >> 2) + 8192];
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

    /// <summary>Encodes one 14-bit two's-complement value (-8192..8191) by the segment rule.</summary>
    internal static byte Compress(int value14)
    {
        var negative = value14 < 0;
        var biased = Math.Min((negative ? ~value14 : value14) + Bias, MaxBiased);
        var segment = BitOperations.Log2((uint)biased) - 5;
        var step = (biased >> (segment + 1)) & 0x0F;
        var code = (segment << 4) | step;
        // Codes are sent inverted; the sign bit is 1 for positive values.
        return (byte)(negative ? ~code & 0x7F : ~code & 0xFF);
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (var code = 0; code < 256; code++)
        {
            var inverted = ~code & 0xFF;
            var segment = (inverted >> 4) & 0x07;
            var step = inverted & 0x0F;
            // Reconstruction point (2·step + 33)·2^segment − 33 on the 14-bit scale, here times 4 for 16 bits.
            var magnitude = (((step << 3) + (4 * Bias)) << segment) - (4 * Bias);
            table[code] = (short)((inverted & 0x80) != 0 ? -magnitude : magnitude);
        }

        return table;
    }

    private static byte[] BuildEncodeTable()
    {
        var table = new byte[16384];
        for (var value = -8192; value < 8192; value++)
        {
            table[value + 8192] = Compress(value);
        }

        return table;
    }
}
