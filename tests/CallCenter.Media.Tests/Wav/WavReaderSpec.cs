using CallCenter.Media.Codecs;
using CallCenter.Media.Wav;
using CsCheck;
using static CallCenter.Media.Tests.Wav.WavBytes;

namespace CallCenter.Media.Tests.Wav;

public sealed class WavReaderSpec
{
    [Fact]
    public void Reader_should_read_8khz_mono_16_bit_pcm()
    {
        var file = Riff(Fmt(1, 1, 8000, 16), ("data", Pcm16(0, 1000, -1000, short.MaxValue, short.MinValue)));

        var result = WavReader.ReadTelephony(file);

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal(WavSampleFormat.Pcm16, result.Audio.Format);
        Assert.True(result.Audio.IsTelephony);
        Assert.Equal(5, result.Audio.FrameCount);
        Assert.Equal([0, 1000, -1000, short.MaxValue, short.MinValue], result.Audio.ToPcm16());
    }

    [Theory]
    [InlineData(7, WavSampleFormat.MuLaw)]
    [InlineData(6, WavSampleFormat.ALaw)]
    public void Reader_should_read_8_bit_g711_and_expand_it_by_its_law(ushort tag, WavSampleFormat expected)
    {
        byte[] codes = [0x00, 0x55, 0x80, 0xD5, 0xFF];
        var file = Riff(Fmt(tag, 1, 8000, 8), ("data", codes));

        var result = WavReader.ReadTelephony(file);

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal(expected, result.Audio.Format);
        var law = expected == WavSampleFormat.ALaw ? G711Codec.ALaw : G711Codec.MuLaw;
        var samples = new short[codes.Length];
        G711.Decode(law, codes, samples);
        Assert.Equal(samples, result.Audio.ToPcm16());
    }

    [Fact]
    public void Reader_should_skip_unknown_chunks_and_honour_odd_size_padding_in_any_order()
    {
        var file = Riff(
            ("LIST", [1, 2, 3]),               // odd: one pad byte follows
            Fmt(1, 1, 8000, 16),
            ("fact", [4, 0, 0, 0]),
            ("data", Pcm16(42, -42)),
            ("cue ", [9, 9, 9, 9, 9]));

        var result = WavReader.Read(file);

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal([42, -42], result.Audio.ToPcm16());
    }

    [Fact]
    public void Reader_should_accept_a_fmt_chunk_after_the_data()
    {
        var file = Riff(("data", Pcm16(7)), Fmt(1, 1, 8000, 16));

        var result = WavReader.Read(file);

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal([7], result.Audio.ToPcm16());
    }

    [Fact]
    public void Reader_should_read_wave_format_extensible()
    {
        var file = Riff(ExtensibleFmt(1, 1, 8000, 16), ("data", Pcm16(1, 2, 3)));

        var result = WavReader.ReadTelephony(file);

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal([1, 2, 3], result.Audio.ToPcm16());
    }

    [Fact]
    public void Reader_should_read_what_a_streaming_recorder_left_unsized()
    {
        // Placeholder sizes 0xFFFFFFFF in both the RIFF header and the data chunk, and half a sample at the end.
        var body = new List<byte>("WAVE"u8.ToArray());
        body.AddRange(Chunk("fmt ", Fmt(1, 1, 8000, 16).Item2));
        body.AddRange(Chunk("data", [.. Pcm16(5, 6), 0x01], claimedSize: uint.MaxValue, pad: false));
        byte[] file = [.. "RIFF"u8, 0xFF, 0xFF, 0xFF, 0xFF, .. body];

        var result = WavReader.Read(file);

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal([5, 6], result.Audio.ToPcm16());
    }

    [Fact]
    public void Reader_should_ignore_bytes_after_the_riff_form()
    {
        var file = Riff(Fmt(1, 1, 8000, 16), ("data", Pcm16(3)));
        byte[] withTrailer = [.. file, .. "ID3 junk"u8];

        var result = WavReader.Read(withTrailer);

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal([3], result.Audio.ToPcm16());
    }

    public static TheoryData<string, byte[], WavError, string> Malformed => new()
    {
        { "empty", [], WavError.NotRiff, "RIFF" },
        { "not riff", "RIFX0000WAVE"u8.ToArray(), WavError.NotRiff, "RIFF" },
        { "rf64", "RF64\xFF\xFF\xFF\xFFWAVE"u8.ToArray(), WavError.NotRiff, "RF64" },
        { "avi", Form("RIFF", "AVI ", ("data", [1, 2])), WavError.NotWave, "AVI" },
        { "no fmt", Riff(("data", Pcm16(1))), WavError.MissingFormat, "fmt" },
        { "no data", Riff(Fmt(1, 1, 8000, 16)), WavError.MissingData, "data" },
        { "short fmt", Riff(("fmt ", new byte[14]), ("data", Pcm16(1))), WavError.InvalidFormat, "14 bytes" },
        { "fmt past end", RiffOfRawChunks(Chunk("JUNK", []), Chunk("fmt ", new byte[16], claimedSize: 400)), WavError.Truncated, "fmt" },
        { "chunk past end", RiffOfRawChunks(Chunk("data", Pcm16(1)), Chunk("LIST", [1, 2], claimedSize: 900)), WavError.Truncated, "LIST" },
        { "zero channels", Riff(Fmt(1, 0, 8000, 16, blockAlign: 2), ("data", Pcm16(1))), WavError.InvalidFormat, "0 channels" },
        { "bad block align", Riff(Fmt(1, 1, 8000, 16, blockAlign: 4), ("data", Pcm16(1))), WavError.InvalidFormat, "block align" },
        { "8-bit pcm", Riff(Fmt(1, 1, 8000, 8), ("data", [1])), WavError.UnsupportedFormat, "8-bit PCM" },
        { "24-bit pcm", Riff(Fmt(1, 1, 8000, 24), ("data", [1, 2, 3])), WavError.UnsupportedFormat, "24-bit" },
        { "float", Riff(Fmt(3, 1, 8000, 32), ("data", [1, 2, 3, 4])), WavError.UnsupportedFormat, "IEEE float" },
        { "mp3", Riff(Fmt(0x55, 1, 8000, 0, blockAlign: 1), ("data", [1])), WavError.UnsupportedFormat, "0x0055" },
        { "16-bit law", Riff(Fmt(7, 1, 8000, 16), ("data", Pcm16(1))), WavError.UnsupportedFormat, "8-bit" },
        { "unknown guid", Riff(ExtensibleFmt(1, 1, 8000, 16, validGuid: false), ("data", Pcm16(1))), WavError.UnsupportedFormat, "GUID" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Reader_should_explain_why_a_file_is_unusable(string name, byte[] file, WavError error, string detailMentions)
    {
        var result = WavReader.Read(file);

        Assert.False(result.Succeeded, name);
        Assert.Null(result.Audio);
        Assert.Equal(error, result.Error);
        Assert.Contains(detailMentions, result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(44100, 1, "44100 Hz")]
    [InlineData(8000, 2, "2 channels")]
    public void Telephony_reader_should_refuse_other_rates_and_stereo(uint rate, ushort channels, string detailMentions)
    {
        var file = Riff(Fmt(1, channels, rate, 16), ("data", Pcm16(1, 2)));

        var result = WavReader.ReadTelephony(file);

        Assert.Equal(WavError.UnsupportedFormat, result.Error);
        Assert.Contains(detailMentions, result.Detail, StringComparison.Ordinal);
        Assert.True(WavReader.Read(file).Succeeded);
    }

    [Fact]
    public void Reader_should_never_throw_on_random_or_mangled_bytes()
    {
        var valid = Riff(("LIST", [1, 2, 3]), Fmt(7, 1, 8000, 8), ("data", [1, 2, 3, 4, 5]));
        Gen.Byte.Array[0, 120].Sample(bytes => { _ = WavReader.Read(bytes); }, iter: 10_000);
        Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte, Gen.Int[1, valid.Length]).Sample(m =>
        {
            var mangled = valid.ToArray();
            mangled[m.Item1] = m.Item2;
            _ = WavReader.Read(mangled);
            _ = WavReader.Read(mangled.AsSpan(0, m.Item3));
        }, iter: 10_000);
    }
}
