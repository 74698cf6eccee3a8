using CallCenter.Media.Audio;
using CallCenter.Media.Codecs;
using CallCenter.Media.Wav;

namespace CallCenter.Media.Tests.Audio;

public sealed class ToneSpec
{
    [Fact]
    public void Ringback_should_be_440_and_480_hz_for_two_seconds_then_silent_for_four()
    {
        var samples = ToneGenerator.Render(Tones.Ringback);

        Assert.Equal(6 * 8000, samples.Length);
        var on = samples.AsSpan(4000, 1600);
        Assert.True(Power(on, 440) > 100 * Power(on, 1000));
        Assert.True(Power(on, 480) > 100 * Power(on, 350));
        Assert.All(samples[16000..].Select(s => (int)s), s => Assert.Equal(0, s));
    }

    [Fact]
    public void Tone_segments_should_fade_in_and_out_instead_of_clicking()
    {
        var samples = ToneGenerator.Render([new ToneSegment(TimeSpan.FromMilliseconds(100), 1000, Level: 0.5)]);

        Assert.Equal(800, samples.Length);
        Assert.InRange(Math.Abs((int)samples[0]), 0, 600);
        Assert.InRange(Math.Abs((int)samples[^1]), 0, 600);
        Assert.InRange(samples.Max(s => (int)s), 15000, 16384);
    }

    [Fact]
    public void Hold_melody_should_be_audible_notes_separated_by_gaps()
    {
        var samples = ToneGenerator.Render(Tones.HoldMelody);

        // 16 beats of 300 ms plus a 1.5 s rest.
        Assert.Equal((int)(((16 * 0.3) + 1.5) * 8000), samples.Length, tolerance: 8);
        var first = samples.AsSpan(400, 1200);
        Assert.True(Power(first, 261.63) > 100 * Power(first, 392));
        var fifth = samples.AsSpan((4 * 2400) + 400, 1200);
        Assert.True(Power(fifth, 440) > 100 * Power(fifth, 261.63));
        Assert.All(samples[^8000..].Select(s => (int)s), s => Assert.Equal(0, s));
    }

    [Fact]
    public void Looping_source_should_wrap_around_seamlessly()
    {
        var source = new LoopingAudioSource([1, 2, 3, 4, 5]);
        var frame = new short[7];

        source.Read(frame);
        Assert.Equal([1, 2, 3, 4, 5, 1, 2], frame);
        source.Read(frame);
        Assert.Equal([3, 4, 5, 1, 2, 3, 4], frame);
        Assert.Equal(4, source.Position);
    }

    [Fact]
    public void Frames_should_be_the_source_encoded_by_the_legs_law()
    {
        var clip = Enumerable.Range(0, 400).Select(i => (short)(i * 80)).ToArray();
        var source = new LoopingAudioSource(clip);
        var frame = new byte[G711.SamplesPerFrame];

        source.ReadG711(G711Codec.ALaw, frame);

        Assert.Equal(clip[..160].Select(ALaw.Encode), frame);
        source.ReadG711(G711Codec.MuLaw, frame);
        Assert.Equal(clip[160..320].Select(MuLaw.Encode), frame);
    }

    [Fact]
    public void Hold_music_from_a_wav_file_should_loop_its_samples()
    {
        short[] samples = [10, 20, 30];
        var audio = WavReader.ReadTelephony(WavWriter.Encode(samples, 8000, 1)).Audio!;
        var source = LoopingAudioSource.FromWav(audio);
        var read = new short[6];

        source.Read(read);

        Assert.Equal([10, 20, 30, 10, 20, 30], read);
        var stereo = WavReader.Read(WavWriter.Encode([1, 2], 8000, 2)).Audio!;
        Assert.Throws<ArgumentException>(() => LoopingAudioSource.FromWav(stereo));
    }

    [Fact]
    public void Generator_should_reject_frequencies_it_cannot_represent()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ToneGenerator.Render([new ToneSegment(TimeSpan.FromSeconds(1), 4000)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ToneGenerator.Render([new ToneSegment(TimeSpan.FromSeconds(1), 400, Level: 1.5)]));
        Assert.Throws<ArgumentException>(() => new LoopingAudioSource([]));
    }

    /// <summary>Goertzel: the power of one frequency in a block, to check a tone without a full FFT.</summary>
    private static double Power(ReadOnlySpan<short> block, double frequency)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / 8000);
        double previous = 0;
        double beforePrevious = 0;
        foreach (var sample in block)
        {
            var current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        return (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
    }
}
