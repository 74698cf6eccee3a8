using CallCenter.Media.Codecs;

namespace CallCenter.Media.Tests.Codecs;

public sealed class G711Spec
{
    public static TheoryData<G711Codec> Laws => [G711Codec.MuLaw, G711Codec.ALaw];

    [Fact]
    public void MuLaw_should_match_the_fixed_points_of_the_law()
    {
        Assert.Equal(0xFF, MuLaw.Encode(0));
        Assert.Equal(0, MuLaw.Decode(0xFF));
        Assert.Equal(0, MuLaw.Decode(0x7F));
        Assert.Equal(32124, MuLaw.Decode(0x80));
        Assert.Equal(-32124, MuLaw.Decode(0x00));
        Assert.Equal(0x80, MuLaw.Encode(short.MaxValue));
        Assert.Equal(0x00, MuLaw.Encode(short.MinValue));
    }

    [Fact]
    public void ALaw_should_match_the_fixed_points_of_the_law()
    {
        Assert.Equal(0xD5, ALaw.Encode(0));
        Assert.Equal(8, ALaw.Decode(0xD5));
        Assert.Equal(-8, ALaw.Decode(0x55));
        Assert.Equal(32256, ALaw.Decode(0xAA));
        Assert.Equal(-32256, ALaw.Decode(0x2A));
        Assert.Equal(0xAA, ALaw.Encode(short.MaxValue));
        Assert.Equal(0x2A, ALaw.Encode(short.MinValue));
    }

    [Theory]
    [MemberData(nameof(Laws))]
    public void Encoding_a_decoded_code_should_give_the_code_back(G711Codec law)
    {
        for (var code = 0; code < 256; code++)
        {
            // μ-law has two zeros (0x7F and 0xFF); encoding 0 picks the positive one.
            var expected = law == G711Codec.MuLaw && code == 0x7F ? 0xFF : code;
            Assert.Equal(expected, Encode(law, Decode(law, (byte)code)));
        }
    }

    [Theory]
    [MemberData(nameof(Laws))]
    public void Round_trip_error_should_stay_within_one_quantisation_step_for_every_sample(G711Codec law)
    {
        long totalError = 0;
        for (int x = short.MinValue; x <= short.MaxValue; x++)
        {
            var decoded = Decode(law, Encode(law, (short)x));
            var error = Math.Abs(decoded - x);
            Assert.True(error <= StepAt(law, decoded), $"{law}: {x} came back as {decoded}");
            totalError += error;
        }

        // Quantisation error averages about a quarter of the step; a broken segment rule would blow this up.
        Assert.InRange(totalError / 65536.0, 1, 200);
    }

    [Theory]
    [MemberData(nameof(Laws))]
    public void Encoding_should_preserve_the_order_of_samples(G711Codec law)
    {
        var previous = int.MinValue;
        for (int x = short.MinValue; x <= short.MaxValue; x++)
        {
            var decoded = Decode(law, Encode(law, (short)x));
            Assert.True(decoded >= previous, $"{law}: {x} decoded to {decoded}, below {previous}");
            previous = decoded;
        }
    }

    [Theory]
    [MemberData(nameof(Laws))]
    public void A_speech_level_sine_should_survive_with_toll_quality_signal_to_noise(G711Codec law)
    {
        var samples = new short[8000];
        for (var n = 0; n < samples.Length; n++)
        {
            samples[n] = (short)Math.Round(10000 * Math.Sin(2 * Math.PI * 1004 * n / 8000));
        }

        var codes = new byte[samples.Length];
        var decoded = new short[samples.Length];
        G711.Encode(law, samples, codes);
        G711.Decode(law, codes, decoded);

        double signal = 0;
        double noise = 0;
        for (var n = 0; n < samples.Length; n++)
        {
            signal += (double)samples[n] * samples[n];
            noise += Math.Pow(samples[n] - decoded[n], 2);
        }

        // G.711 gives about 38 dB over most of its range.
        Assert.InRange(10 * Math.Log10(signal / noise), 35, 45);
    }

    [Theory]
    [MemberData(nameof(Laws))]
    public void Span_encoding_should_equal_sample_by_sample_encoding(G711Codec law)
    {
        var samples = Enumerable.Range(0, 1000).Select(i => (short)((i * 65.537) - 32768)).ToArray();
        var codes = new byte[samples.Length];
        var decoded = new short[samples.Length];

        G711.Encode(law, samples, codes);
        G711.Decode(law, codes, decoded);

        Assert.Equal(samples.Select(s => Encode(law, s)), codes);
        Assert.Equal(codes.Select(c => Decode(law, c)), decoded);
    }

    [Fact]
    public void Transcoding_tables_should_equal_decoding_by_one_law_and_encoding_by_the_other()
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.Equal(MuLaw.Encode(ALaw.Decode((byte)code)), G711Transcoder.ALawToMuLaw[code]);
            Assert.Equal(ALaw.Encode(MuLaw.Decode((byte)code)), G711Transcoder.MuLawToALaw[code]);
        }
    }

    [Fact]
    public void Transcoding_should_keep_each_value_within_a_step_of_the_target_law()
    {
        for (var code = 0; code < 256; code++)
        {
            var a = ALaw.Decode((byte)code);
            var asMu = MuLaw.Decode(G711Transcoder.ToMuLaw((byte)code));
            Assert.True(Math.Abs(asMu - a) <= StepAt(G711Codec.MuLaw, asMu), $"A-law {code:X2}: {a} became {asMu}");

            var mu = MuLaw.Decode((byte)code);
            var asA = ALaw.Decode(G711Transcoder.ToALaw((byte)code));
            Assert.True(Math.Abs(asA - mu) <= StepAt(G711Codec.ALaw, asA), $"μ-law {code:X2}: {mu} became {asA}");
        }
    }

    [Fact]
    public void Transcoding_in_place_should_rewrite_every_byte_through_the_table()
    {
        var payload = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

        G711Transcoder.TranscodeInPlace(payload, G711Transcoder.ALawToMuLaw);

        Assert.Equal(G711Transcoder.ALawToMuLaw.ToArray(), payload);
        Assert.Null(G711Transcoder.GetTable(G711Codec.ALaw, G711Codec.ALaw));
        Assert.Same(G711Transcoder.GetTable(G711Codec.MuLaw, G711Codec.ALaw), G711Transcoder.GetTable(G711Codec.MuLaw, G711Codec.ALaw));
    }

    [Fact]
    public void Encoding_names_and_payload_types_should_follow_rfc_3551()
    {
        Assert.Equal(0, G711Codec.MuLaw.PayloadType());
        Assert.Equal(8, G711Codec.ALaw.PayloadType());
        Assert.Equal("PCMU", G711Codec.MuLaw.EncodingName());
        Assert.True(G711.TryFromEncodingName("pcma", out var law));
        Assert.Equal(G711Codec.ALaw, law);
        Assert.False(G711.TryFromEncodingName("G722", out _));
    }

    private static byte Encode(G711Codec law, short sample) => law == G711Codec.ALaw ? ALaw.Encode(sample) : MuLaw.Encode(sample);

    private static short Decode(G711Codec law, byte code) => law == G711Codec.ALaw ? ALaw.Decode(code) : MuLaw.Decode(code);

    /// <summary>The quantisation step (16-bit scale) of the segment holding <paramref name="value"/>.</summary>
    private static int StepAt(G711Codec law, int value)
    {
        var magnitude = Math.Abs(value);
        if (law == G711Codec.MuLaw)
        {
            // Segment e spans biased magnitudes 132·2^e .. 132·2^(e+1) with steps of 8·2^e.
            var segment = 0;
            while (segment < 7 && magnitude + 132 >= 264 << segment)
            {
                segment++;
            }

            return 8 << segment;
        }

        // Segments 0 and 1 step by 16; each one after doubles, starting at 512, 1024, 2048 ….
        var aSegment = 1;
        while (aSegment < 7 && magnitude >= 256 << aSegment)
        {
            aSegment++;
        }

        return 16 << (aSegment - 1);
    }
}
