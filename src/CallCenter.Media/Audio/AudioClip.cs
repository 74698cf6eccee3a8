using CallCenter.Media.Codecs;
using CallCenter.Media.Wav;

namespace CallCenter.Media.Audio;

/// <summary>
/// A clip rendered once and shared read-only by every caller that hears it: the 16-bit samples and their G.711
/// encoding per law, each encoded once on first use. Hold music used to be rendered (a sine per sample) and encoded
/// per queued call and per frame; with a shared clip a caller costs a position and a copy per frame.
/// G.711 encodes each sample on its own, so a frame copied from the encoded clip equals the frame encoded from the
/// same samples.
/// </summary>
public sealed class AudioClip
{
    private readonly short[] _samples;
    private byte[]? _alaw;
    private byte[]? _mulaw;

    /// <param name="samples">8 kHz mono 16-bit samples; the clip keeps the array, so the caller must not change it.</param>
    public AudioClip(short[] samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Length == 0)
        {
            throw new ArgumentException("a clip to loop needs at least one sample", nameof(samples));
        }

        _samples = samples;
    }

    public int Length => _samples.Length;

    public ReadOnlySpan<short> Samples => _samples;

    /// <summary>Renders a tone pattern into a clip.</summary>
    public static AudioClip Render(IEnumerable<ToneSegment> segments) => new(ToneGenerator.Render(segments));

    /// <summary>An 8 kHz mono file (16-bit PCM or G.711); anything else is a configuration error.</summary>
    public static AudioClip FromWav(WavAudio audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        if (!audio.IsTelephony || audio.FrameCount == 0)
        {
            throw new ArgumentException(
                $"hold audio must be non-empty 8000 Hz mono; got {audio.FrameCount} samples at {audio.SampleRate} Hz with {audio.Channels} channels",
                nameof(audio));
        }

        return new AudioClip(audio.ToPcm16());
    }

    /// <summary>The clip encoded by <paramref name="codec"/>, one byte per sample; computed once per law.</summary>
    public ReadOnlySpan<byte> Encoded(G711Codec codec) => codec == G711Codec.ALaw
        ? _alaw ?? Encode(ref _alaw, codec)
        : _mulaw ?? Encode(ref _mulaw, codec);

    /// <summary>A new listener: its own position, starting at the clip's first sample.</summary>
    public LoopingAudioSource CreateSource() => new(this);

    private byte[] Encode(ref byte[]? slot, G711Codec codec)
    {
        var codes = new byte[_samples.Length];
        G711.Encode(codec, _samples, codes);
        // Two players racing here encode the same bytes; whichever array wins is equal to the other.
        return Interlocked.CompareExchange(ref slot, codes, null) ?? codes;
    }
}
