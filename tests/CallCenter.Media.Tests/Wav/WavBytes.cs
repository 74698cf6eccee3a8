using System.Buffers.Binary;
using System.Text;

namespace CallCenter.Media.Tests.Wav;

/// <summary>Hand-built RIFF files, chunk by chunk, so each spec can break exactly one thing.</summary>
internal static class WavBytes
{
    public static byte[] Riff(params (string Id, byte[] Body)[] chunks) => Form("RIFF", "WAVE", chunks);

    /// <summary>A RIFF/WAVE form around chunks given as raw bytes (for chunks that lie about their size).</summary>
    public static byte[] RiffOfRawChunks(params byte[][] chunks)
    {
        var body = "WAVE"u8.ToArray().Concat(chunks.SelectMany(c => c)).ToArray();
        return [.. "RIFF"u8, .. UInt32(body.Length), .. body];
    }

    public static byte[] Form(string magic, string form, params (string Id, byte[] Body)[] chunks)
    {
        var body = new List<byte>();
        body.AddRange(Encoding.ASCII.GetBytes(form));
        foreach (var (id, content) in chunks)
        {
            body.AddRange(Chunk(id, content));
        }

        var file = new List<byte>(Encoding.ASCII.GetBytes(magic));
        file.AddRange(UInt32(body.Count));
        file.AddRange(body);
        return [.. file];
    }

    /// <summary>A chunk with its header and the pad byte an odd size needs.</summary>
    public static byte[] Chunk(string id, byte[] content, uint? claimedSize = null, bool pad = true)
    {
        var chunk = new List<byte>(Encoding.ASCII.GetBytes(id));
        chunk.AddRange(UInt32(claimedSize ?? (uint)content.Length));
        chunk.AddRange(content);
        if (pad && content.Length % 2 == 1)
        {
            chunk.Add(0);
        }

        return [.. chunk];
    }

    public static (string, byte[]) Fmt(ushort tag, ushort channels, uint rate, ushort bits, ushort? blockAlign = null)
    {
        var align = blockAlign ?? (ushort)(channels * bits / 8);
        var body = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(body, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), channels);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), rate);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(8), rate * align);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), align);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), bits);
        return ("fmt ", body);
    }

    /// <summary>WAVE_FORMAT_EXTENSIBLE wrapping a classic tag in its KSDATAFORMAT sub-format GUID.</summary>
    public static (string, byte[]) ExtensibleFmt(ushort subTag, ushort channels, uint rate, ushort bits, bool validGuid = true)
    {
        var (_, classic) = Fmt(0xFFFE, channels, rate, bits);
        var body = new byte[40];
        classic.CopyTo(body, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(18), bits);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(20), channels == 1 ? 4u : 3u);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(24), subTag);
        byte[] tail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
        tail.CopyTo(body, 26);
        if (!validGuid)
        {
            body[39] ^= 0xFF;
        }

        return ("fmt ", body);
    }

    public static byte[] Pcm16(params short[] samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), samples[i]);
        }

        return bytes;
    }

    private static byte[] UInt32(long value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)value);
        return bytes;
    }
}
