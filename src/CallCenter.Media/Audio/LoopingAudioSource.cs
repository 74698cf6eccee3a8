using CallCenter.Media.Wav;

namespace CallCenter.Media.Audio;

/// <summary>Plays a clip over and over: rendered tones, or hold music loaded from a WAV file.</summary>
public sealed class LoopingAudioSource : IAudioSource
{
    private readonly short[] _samples;
    private int _position;

    public LoopingAudioSource(short[] samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Length == 0)
        {
            throw new ArgumentException("a clip to loop needs at least one sample", nameof(samples));
        }

        _samples = samples;
    }

    /// <summary>Where the next read starts within the clip.</summary>
    public int Position => _position;

    public int Length => _samples.Length;

    /// <summary>Loops an 8 kHz mono file (16-bit PCM or G.711); anything else is a configuration error.</summary>
    public static LoopingAudioSource FromWav(WavAudio audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        if (!audio.IsTelephony || audio.FrameCount == 0)
        {
            throw new ArgumentException(
                $"hold audio must be non-empty 8000 Hz mono; got {audio.FrameCount} samples at {audio.SampleRate} Hz with {audio.Channels} channels",
                nameof(audio));
        }

        return new LoopingAudioSource(audio.ToPcm16());
    }

    public void Read(Span<short> samples)
    {
        while (!samples.IsEmpty)
        {
            var count = Math.Min(samples.Length, _samples.Length - _position);
            _samples.AsSpan(_position, count).CopyTo(samples);
            samples = samples[count..];
            _position += count;
            if (_position == _samples.Length)
            {
                _position = 0;
            }
        }
    }
}
