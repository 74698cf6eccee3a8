using System.Buffers.Binary;
using CallCenter.Media.Codecs;

namespace CallCenter.Media.Wav;

/// <summary>Decoded WAV contents: the format and the raw sample bytes of the data chunk (interleaved channels).</summary>
public sealed class WavAudio
{
    private readonly byte[] _data;

    internal WavAudio(WavSampleFormat format, int sampleRate, int channels, byte[] data)
    {
        Format = format;
        SampleRate = sampleRate;
        Channels = channels;
        _data = data;
    }

    public WavSampleFormat Format { get; }

    public int SampleRate { get; }

    public int Channels { get; }

    public ReadOnlyMemory<byte> Data => _data;

    public int BytesPerSample => Format == WavSampleFormat.Pcm16 ? 2 : 1;

    /// <summary>Samples per channel.</summary>
    public int FrameCount => _data.Length / (BytesPerSample * Channels);

    public TimeSpan Duration => TimeSpan.FromTicks(FrameCount * TimeSpan.TicksPerSecond / SampleRate);

    /// <summary>8 kHz mono: playable on a G.711 leg without resampling.</summary>
    public bool IsTelephony => SampleRate == G711.SampleRate && Channels == 1;

    /// <summary>All samples as 16-bit linear PCM, channels interleaved; G.711 is expanded by its law.</summary>
    public short[] ToPcm16()
    {
        var samples = new short[FrameCount * Channels];
        switch (Format)
        {
            case WavSampleFormat.Pcm16:
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(_data.AsSpan(2 * i));
                }

                break;
            case WavSampleFormat.MuLaw:
                MuLaw.Decode(_data.AsSpan(0, samples.Length), samples);
                break;
            default:
                ALaw.Decode(_data.AsSpan(0, samples.Length), samples);
                break;
        }

        return samples;
    }
}
