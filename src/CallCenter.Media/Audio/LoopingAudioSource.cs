using CallCenter.Media.Codecs;
using CallCenter.Media.Wav;

namespace CallCenter.Media.Audio;

/// <summary>
/// Plays a clip over and over: rendered tones, or hold music loaded from a WAV file. The clip may be shared by many
/// sources (<see cref="AudioClip.CreateSource"/>); each keeps its own position.
/// </summary>
public sealed class LoopingAudioSource : IEncodedAudioSource
{
    private readonly AudioClip _clip;
    private int _position;

    public LoopingAudioSource(short[] samples)
        : this(new AudioClip(samples))
    {
    }

    public LoopingAudioSource(AudioClip clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        _clip = clip;
    }

    /// <summary>Where the next read starts within the clip.</summary>
    public int Position => _position;

    public int Length => _clip.Length;

    /// <summary>Loops an 8 kHz mono file (16-bit PCM or G.711); anything else is a configuration error.</summary>
    public static LoopingAudioSource FromWav(WavAudio audio) => AudioClip.FromWav(audio).CreateSource();

    public void Read(Span<short> samples) => Copy(_clip.Samples, samples);

    public void ReadEncoded(G711Codec codec, Span<byte> frame) => Copy(_clip.Encoded(codec), frame);

    private void Copy<T>(ReadOnlySpan<T> clip, Span<T> destination)
    {
        while (!destination.IsEmpty)
        {
            var count = Math.Min(destination.Length, clip.Length - _position);
            clip.Slice(_position, count).CopyTo(destination);
            destination = destination[count..];
            _position += count;
            if (_position == clip.Length)
            {
                _position = 0;
            }
        }
    }
}
