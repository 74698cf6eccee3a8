namespace CallCenter.Media.Codecs;

/// <summary>
/// Direct A-law ↔ μ-law conversion: one 256-byte table per direction, built as decode-then-encode, so a relay
/// converts a payload in place with a single lookup per byte and never touches 16-bit samples.
/// </summary>
public static class G711Transcoder
{
    private static readonly byte[] ALawToMuLawTable = Build(ALaw.Decode, MuLaw.Encode);
    private static readonly byte[] MuLawToALawTable = Build(MuLaw.Decode, ALaw.Encode);

    public static ReadOnlySpan<byte> ALawToMuLaw => ALawToMuLawTable;

    public static ReadOnlySpan<byte> MuLawToALaw => MuLawToALawTable;

    /// <summary>The table converting <paramref name="from"/> codes into <paramref name="to"/> codes; null when equal.</summary>
    public static byte[]? GetTable(G711Codec from, G711Codec to) =>
        from == to ? null : from == G711Codec.ALaw ? ALawToMuLawTable : MuLawToALawTable;

    public static byte ToMuLaw(byte aLaw) => ALawToMuLawTable[aLaw];

    public static byte ToALaw(byte muLaw) => MuLawToALawTable[muLaw];

    /// <summary>Rewrites every byte through <paramref name="table"/> (one of this class's tables).</summary>
    public static void TranscodeInPlace(Span<byte> payload, ReadOnlySpan<byte> table)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(table.Length, 256, nameof(table));
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] = table[payload[i]];
        }
    }

    private static byte[] Build(Func<byte, short> decode, Func<short, byte> encode)
    {
        var table = new byte[256];
        for (var code = 0; code < 256; code++)
        {
            table[code] = encode(decode((byte)code));
        }

        return table;
    }
}
