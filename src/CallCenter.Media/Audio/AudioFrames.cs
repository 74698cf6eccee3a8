using CallCenter.Media.Codecs;

namespace CallCenter.Media.Audio;

/// <summary>Turns a source into 20 ms G.711 frames: what a player puts in each RTP packet.</summary>
public static class AudioFrames
{
    /// <summary>
    /// Reads one frame's worth of samples and encodes them by <paramref name="codec"/> into <paramref name="frame"/>,
    /// which is exactly the payload to fill (160 bytes for 20 ms).
    /// </summary>
    public static void ReadG711(this IAudioSource source, G711Codec codec, Span<byte> frame)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source is IEncodedAudioSource encoded)
        {
            encoded.ReadEncoded(codec, frame);
            return;
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(frame.Length, 4 * G711.SamplesPerFrame, nameof(frame));
        Span<short> samples = stackalloc short[frame.Length];
        source.Read(samples);
        G711.Encode(codec, samples, frame);
    }
}
