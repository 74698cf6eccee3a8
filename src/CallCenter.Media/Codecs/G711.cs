namespace CallCenter.Media.Codecs;

/// <summary>Encode and decode by law, for code that holds the law as a value (a leg's negotiated codec).</summary>
public static class G711
{
    /// <summary>One 20 ms frame at 8 kHz: 160 samples, 160 bytes of payload.</summary>
    public const int SamplesPerFrame = 160;

    public const int SampleRate = 8000;

    public static void Encode(G711Codec codec, ReadOnlySpan<short> samples, Span<byte> codes)
    {
        if (codec == G711Codec.ALaw)
        {
            ALaw.Encode(samples, codes);
        }
        else
        {
            MuLaw.Encode(samples, codes);
        }
    }

    public static void Decode(G711Codec codec, ReadOnlySpan<byte> codes, Span<short> samples)
    {
        if (codec == G711Codec.ALaw)
        {
            ALaw.Decode(codes, samples);
        }
        else
        {
            MuLaw.Decode(codes, samples);
        }
    }

    public static byte PayloadType(this G711Codec codec) => (byte)codec;

    /// <summary>The rtpmap encoding name: PCMU or PCMA.</summary>
    public static string EncodingName(this G711Codec codec) => codec == G711Codec.ALaw ? "PCMA" : "PCMU";

    /// <summary>Recognises PCMU / PCMA by rtpmap name (case-insensitive, RFC 4855).</summary>
    public static bool TryFromEncodingName(string name, out G711Codec codec)
    {
        if (string.Equals(name, "PCMU", StringComparison.OrdinalIgnoreCase))
        {
            codec = G711Codec.MuLaw;
            return true;
        }

        if (string.Equals(name, "PCMA", StringComparison.OrdinalIgnoreCase))
        {
            codec = G711Codec.ALaw;
            return true;
        }

        codec = default;
        return false;
    }
}
