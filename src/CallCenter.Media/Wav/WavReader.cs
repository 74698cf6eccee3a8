using System.Buffers.Binary;
using System.Globalization;

namespace CallCenter.Media.Wav;

/// <summary>
/// Reads RIFF/WAVE files: 16-bit PCM and 8-bit G.711 (μ-law, A-law), plain or WAVE_FORMAT_EXTENSIBLE.
/// Chunks are walked by their sizes (odd sizes padded to even), unknown ones (LIST, fact, cue …) skipped, and
/// a data chunk whose size runs past the end, as streaming recorders leave it, is read up to the end.
/// Never throws on the file's bytes: every problem is a <see cref="WavError"/> with a readable detail.
/// </summary>
public static class WavReader
{
    private const ushort TagPcm = 0x0001;
    private const ushort TagALaw = 0x0006;
    private const ushort TagMuLaw = 0x0007;
    private const ushort TagExtensible = 0xFFFE;
    private const int MinFormatLength = 16;
    private const int ExtensibleFormatLength = 40;

    // The GUID tail shared by every KSDATAFORMAT_SUBTYPE_* that wraps a classic format tag.
    private static ReadOnlySpan<byte> SubFormatTail => [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>Reads any supported encoding, rate and channel count (what <see cref="WavWriter"/> writes, among others).</summary>
    public static WavReadResult Read(ReadOnlySpan<byte> file)
    {
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8))
        {
            return file.Length >= 4 && file[..4].SequenceEqual("RF64"u8)
                ? WavReadResult.Fail(WavError.NotRiff, "RF64 (64-bit RIFF) files are not supported")
                : WavReadResult.Fail(WavError.NotRiff, "not a RIFF file: it does not start with 'RIFF'");
        }

        if (!file[8..12].SequenceEqual("WAVE"u8))
        {
            return WavReadResult.Fail(WavError.NotWave, $"a RIFF file of form '{Text(file[8..12])}', not 'WAVE'");
        }

        // Streaming writers leave the RIFF size at 0 or 0xFFFFFFFF: trust it only to cut off bytes after the form.
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(file[4..]);
        var end = riffSize >= 4 && riffSize <= (uint)(file.Length - 8) ? 8 + (int)riffSize : file.Length;
        return ReadChunks(file[..end]);
    }

    /// <summary>Like <see cref="Read"/>, and also requires 8 kHz mono: prompts and hold music for G.711 legs.</summary>
    public static WavReadResult ReadTelephony(ReadOnlySpan<byte> file)
    {
        var result = Read(file);
        if (!result.Succeeded || result.Audio.IsTelephony)
        {
            return result;
        }

        var audio = result.Audio;
        return WavReadResult.Fail(
            WavError.UnsupportedFormat,
            string.Create(CultureInfo.InvariantCulture, $"telephony audio must be 8000 Hz mono; this file is {audio.SampleRate} Hz with {audio.Channels} channels"));
    }

    /// <summary>Reads a file from disk; I/O failures throw as usual, format problems come back as the result.</summary>
    public static WavReadResult ReadFile(string path, bool requireTelephony = true)
    {
        var bytes = File.ReadAllBytes(path);
        return requireTelephony ? ReadTelephony(bytes) : Read(bytes);
    }

    private static WavReadResult ReadChunks(ReadOnlySpan<byte> form)
    {
        WavFormatChunk? format = null;
        var dataOffset = -1;
        var dataLength = 0;
        var offset = 12;
        while (form.Length - offset >= 8)
        {
            var id = form.Slice(offset, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(form[(offset + 4)..]);
            var contentOffset = offset + 8;
            var available = form.Length - contentOffset;
            var overruns = size > (uint)available;
            if (id.SequenceEqual("fmt "u8))
            {
                if (overruns)
                {
                    return WavReadResult.Fail(WavError.Truncated, Invariant($"the fmt chunk claims {size} bytes but only {available} remain"));
                }

                if (format is null)
                {
                    var parsed = ParseFormat(form.Slice(contentOffset, (int)size));
                    if (parsed.Error is { } failure)
                    {
                        return failure;
                    }

                    format = parsed.Format;
                }
            }
            else if (id.SequenceEqual("data"u8) && dataOffset < 0)
            {
                dataOffset = contentOffset;
                dataLength = overruns ? available : (int)size;
            }
            else if (overruns && (format is null || dataOffset < 0))
            {
                return WavReadResult.Fail(WavError.Truncated, Invariant($"chunk '{Text(id)}' claims {size} bytes but only {available} remain"));
            }

            if (overruns)
            {
                // A data chunk cut short, or junk after the audio: either way nothing usable follows.
                break;
            }

            offset = (int)Math.Min(form.Length, contentOffset + (long)size + (size & 1));
        }

        if (format is null)
        {
            return WavReadResult.Fail(WavError.MissingFormat, "no fmt chunk");
        }

        if (dataOffset < 0)
        {
            return WavReadResult.Fail(WavError.MissingData, "no data chunk");
        }

        var whole = dataLength - (dataLength % format.Value.BlockAlign);
        var data = form.Slice(dataOffset, whole).ToArray();
        return WavReadResult.Success(new WavAudio(format.Value.Format, format.Value.SampleRate, format.Value.Channels, data));
    }

    private static (WavFormatChunk? Format, WavReadResult? Error) ParseFormat(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length < MinFormatLength)
        {
            return (null, WavReadResult.Fail(WavError.InvalidFormat, Invariant($"the fmt chunk has {chunk.Length} bytes, at least {MinFormatLength} are needed")));
        }

        var tag = BinaryPrimitives.ReadUInt16LittleEndian(chunk);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(chunk[2..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(chunk[12..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(chunk[14..]);
        if (tag == TagExtensible)
        {
            if (chunk.Length < ExtensibleFormatLength)
            {
                return (null, WavReadResult.Fail(WavError.InvalidFormat, Invariant($"an extensible fmt chunk needs {ExtensibleFormatLength} bytes, this one has {chunk.Length}")));
            }

            if (!chunk[26..40].SequenceEqual(SubFormatTail))
            {
                return (null, WavReadResult.Fail(WavError.UnsupportedFormat, "an extensible format with an unknown sub-format GUID"));
            }

            tag = BinaryPrimitives.ReadUInt16LittleEndian(chunk[24..]);
        }

        if (channels == 0 || sampleRate is 0 or > int.MaxValue)
        {
            return (null, WavReadResult.Fail(WavError.InvalidFormat, Invariant($"{channels} channels at {sampleRate} Hz")));
        }

        WavSampleFormat format;
        int expectedBits;
        switch (tag)
        {
            case TagPcm:
                format = WavSampleFormat.Pcm16;
                expectedBits = 16;
                break;
            case TagMuLaw:
                format = WavSampleFormat.MuLaw;
                expectedBits = 8;
                break;
            case TagALaw:
                format = WavSampleFormat.ALaw;
                expectedBits = 8;
                break;
            default:
                return (null, WavReadResult.Fail(WavError.UnsupportedFormat, Invariant($"format tag 0x{tag:X4} ({TagName(tag)}) is not supported; use 16-bit PCM, μ-law or A-law")));
        }

        if (bits != expectedBits)
        {
            return (null, WavReadResult.Fail(WavError.UnsupportedFormat, Invariant($"{bits}-bit {TagName(tag)} is not supported; it must be {expectedBits}-bit")));
        }

        if (blockAlign != channels * bits / 8)
        {
            return (null, WavReadResult.Fail(WavError.InvalidFormat, Invariant($"block align {blockAlign} does not match {channels} channels of {bits} bits")));
        }

        return (new WavFormatChunk(format, (int)sampleRate, channels, blockAlign), null);
    }

    private static string TagName(ushort tag) => tag switch
    {
        TagPcm => "PCM",
        0x0002 => "Microsoft ADPCM",
        0x0003 => "IEEE float",
        TagALaw => "A-law",
        TagMuLaw => "μ-law",
        0x0011 => "IMA ADPCM",
        0x0031 => "GSM 6.10",
        0x0055 => "MPEG layer 3",
        _ => "unknown",
    };

    private static string Text(ReadOnlySpan<byte> fourCc)
    {
        Span<char> chars = stackalloc char[fourCc.Length];
        for (var i = 0; i < fourCc.Length; i++)
        {
            chars[i] = fourCc[i] is >= 0x20 and < 0x7F ? (char)fourCc[i] : '?';
        }

        return new string(chars);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private readonly record struct WavFormatChunk(WavSampleFormat Format, int SampleRate, int Channels, int BlockAlign);
}
